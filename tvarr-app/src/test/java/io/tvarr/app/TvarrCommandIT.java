package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: where options may stand, and failures that print one plain line. */
class TvarrCommandIT {
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

    @Test
    void options_before_the_subcommand_apply_to_it() {
        Path data = dir.resolve("before");

        int exit = run("--data-dir", data.toString(), "migrate");

        assertThat(exit).isZero();
        assertThat(data.resolve("tvarr.db")).exists();
    }

    @Test
    void an_option_after_the_subcommand_wins_over_the_same_one_before_it() {
        Path before = dir.resolve("before");
        Path after = dir.resolve("after");

        int exit = run("--data-dir", before.toString(), "migrate", "--data-dir", after.toString());

        assertThat(exit).isZero();
        assertThat(after.resolve("tvarr.db")).exists();
        assertThat(before.resolve("tvarr.db")).doesNotExist();
    }

    @Test
    void options_before_a_subcommand_that_does_not_take_them_are_refused_with_a_message() {
        int exit = run("--port", "8081", "version");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--port does not apply to 'version'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_port_in_use_is_one_line_naming_the_port_given_before_serve() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();

            int exit =
                    run("--host", "127.0.0.1", "--port", Integer.toString(port), "serve", "--data-dir", dir.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip())
                    .isEqualTo("tvarr: server.port: 127.0.0.1:" + port
                            + " is already in use by another program (choose another with --port or server.port)");
        }
    }

    @Test
    void every_command_in_the_help_list_is_described_by_a_whole_sentence() {
        run("--help");

        String commands = out.toString().substring(out.toString().indexOf("Commands:"));
        // a description continues on lines indented past the command names; join them before judging
        String joined = commands.replaceAll("\\n {10,}", " ");
        assertThat(joined.lines().skip(1).filter(line -> !line.isBlank()))
                .hasSize(6)
                .allSatisfy(line -> assertThat(line.strip()).endsWith("."));
    }
}
