package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the command line is put together for the arguments given (#19), and where the user's cache is. */
class TvarrCommandTest {
    private static String[] all() {
        return TvarrCommand.SUBCOMMANDS.stream()
                .map(TvarrCommand.Subcommand::name)
                .toArray(String[]::new);
    }

    @Nested
    class Subcommands {
        @Test
        void a_named_subcommand_is_the_only_one_added() {
            CommandLine line = TvarrCommand.commandLine("--port", "8081", "generate", "--out", "x");

            assertThat(line.getSubcommands()).containsOnlyKeys("generate");
        }

        @Test
        void the_value_of_an_option_is_not_taken_for_a_subcommand() {
            CommandLine line = TvarrCommand.commandLine("--data-dir", "version", "migrate");

            assertThat(line.getSubcommands()).containsOnlyKeys("migrate");
        }

        @Test
        void none_is_added_when_none_is_named() {
            assertThat(TvarrCommand.commandLine("--port", "8081").getSubcommands())
                    .isEmpty();
        }

        @Test
        void all_are_added_in_order_for_help_and_for_an_unknown_word() {
            assertThat(TvarrCommand.commandLine("--help").getSubcommands().keySet())
                    .containsExactly(all());
            assertThat(TvarrCommand.commandLine("genrate").getSubcommands().keySet())
                    .containsExactly(all());
            assertThat(TvarrCommand.commandLine().getSubcommands().keySet()).containsExactly(all());
        }

        @Test
        void each_is_listed_under_the_name_it_gives_itself() {
            for (TvarrCommand.Subcommand subcommand : TvarrCommand.SUBCOMMANDS) {
                assertThat(new CommandLine(subcommand.command().get()).getCommandName())
                        .isEqualTo(subcommand.name());
            }
        }
    }

    @Nested
    class Cache_directory {
        @Test
        void is_under_xdg_cache_home_when_it_is_set() {
            assertThat(TvarrCommand.cacheDirectory(Map.of("XDG_CACHE_HOME", "/var/cache/me"), Path.of("/home/me")))
                    .isEqualTo(Path.of("/var/cache/me/tvarr"));
        }

        @Test
        void is_under_the_home_directory_otherwise_or_when_xdg_cache_home_is_relative() {
            assertThat(TvarrCommand.cacheDirectory(Map.of(), Path.of("/home/me")))
                    .isEqualTo(Path.of("/home/me/.cache/tvarr"));
            assertThat(TvarrCommand.cacheDirectory(Map.of("XDG_CACHE_HOME", "cache"), Path.of("/home/me")))
                    .isEqualTo(Path.of("/home/me/.cache/tvarr"));
        }
    }
}
