package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
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
                .hasSize(10)
                .allSatisfy(line -> assertThat(line.strip()).endsWith("."));
    }

    @Test
    void an_unreachable_database_fails_without_showing_its_password_in_the_message_or_the_log() throws IOException {
        Path config = Files.writeString(dir.resolve("tvarr.yaml"), "database:\n  password: s3cretDb\n");
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        logs.start();
        root.addAppender(logs);
        int exit;
        try {
            exit = run(
                    "migrate",
                    "--config",
                    config.toString(),
                    "--database-url",
                    "jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=s3cretUrl&connectTimeout=2");
        } finally {
            root.detachAppender(logs);
        }

        assertThat(exit).isNotZero();
        assertThat(err.toString()).isNotBlank().doesNotContain("s3cret");
        assertThat(logs.list)
                .noneSatisfy(event -> assertThat(event.getFormattedMessage()
                                + (event.getThrowableProxy() == null
                                        ? ""
                                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                        .contains("s3cret"));
    }

    @Test
    void an_unsupported_database_url_is_named_by_its_kind_only() {
        int exit = run(
                "migrate", "--data-dir", dir.toString(), "--database-url", "jdbc:oracle:thin:scott/s3cret@//h:1521/x");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("jdbc:oracle").doesNotContain("s3cret");
    }
}
