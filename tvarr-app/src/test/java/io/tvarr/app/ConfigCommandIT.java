package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tvarr export} and {@code tvarr apply} on SQLite data directories. */
class ConfigCommandIT {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = TvarrCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Path configured() {
        Path data = dir.resolve("data");
        try (Tvarr tvarr = Tvarr.builder().dataDir(data).build()) {
            StreamSource source =
                    tvarr.sources().create(SaveStreamSourceCommand.m3u("provider", "http://provider.test/a.m3u"));
            tvarr.proxies().create(SaveProxyCommand.named("Living room").withSources(source.id()));
        }
        return data;
    }

    @Nested
    class Export {
        @Test
        void writes_the_document_to_a_file() throws IOException {
            Path data = configured();
            Path file = dir.resolve("tvarr.yaml");

            int exit = run("export", "-o", file.toString(), "--data-dir", data.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("configuration written to " + file.toAbsolutePath());
            assertThat(Files.readString(file)).contains("- name: provider").contains("- name: Living room");
        }

        @Test
        void writes_to_standard_output_without_a_file() {
            Path data = configured();

            int exit = run("export", "--data-dir", data.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).startsWith("version: 1").contains("- name: Living room");
        }
    }

    @Nested
    class Apply {
        @Test
        void makes_another_data_directory_match_then_says_nothing_changes() throws IOException {
            Path file = dir.resolve("tvarr.yaml");
            run("export", "-o", file.toString(), "--data-dir", configured().toString());
            Path other = dir.resolve("other");

            int exit = run("apply", "-f", file.toString(), "--data-dir", other.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString()).contains("create source \"provider\"").contains("create proxy \"Living room\"");
            try (Tvarr tvarr = Tvarr.builder().dataDir(other).build()) {
                assertThat(tvarr.proxies().list()).extracting(StreamProxy::name).containsExactly("Living room");
            }
            out.getBuffer().setLength(0);

            int again = run("apply", "-f", file.toString(), "--prune", "--data-dir", other.toString());

            assertThat(again).as(err.toString()).isZero();
            assertThat(out.toString()).contains("nothing to change");
        }

        @Test
        void a_dry_run_prints_the_changes_and_makes_none() throws IOException {
            Path file = dir.resolve("tvarr.yaml");
            run("export", "-o", file.toString(), "--data-dir", configured().toString());
            Path other = dir.resolve("other");

            int exit = run("apply", "-f", file.toString(), "--dry-run", "--data-dir", other.toString());

            assertThat(exit).as(err.toString()).isZero();
            assertThat(out.toString())
                    .contains("would create proxy \"Living room\"")
                    .contains("not made (dry run)");
            try (Tvarr tvarr = Tvarr.builder().dataDir(other).build()) {
                assertThat(tvarr.proxies().list()).isEmpty();
            }
        }

        @Test
        void an_unknown_key_is_refused_naming_its_place_and_nothing_changes() throws IOException {
            Path file = Files.writeString(
                    dir.resolve("bad.yaml"), "proxies:\n  - name: Main\n    colour: red\n", StandardCharsets.UTF_8);
            Path data = configured();

            int exit = run("apply", "-f", file.toString(), "--prune", "--data-dir", data.toString());

            assertThat(exit).isNotZero();
            assertThat(err.toString()).contains("proxies[0].colour: unknown key");
            try (Tvarr tvarr = Tvarr.builder().dataDir(data).build()) {
                assertThat(tvarr.proxies().list()).extracting(StreamProxy::name).containsExactly("Living room");
            }
        }
    }
}
