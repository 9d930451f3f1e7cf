package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code tvarr generate} end to end on small files of our own. */
class GenerateCommandIT {
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private Path playlist;
    private Path guide;

    /** The command sets the process's log level (WARN); tests share one JVM, so each gives the level back. */
    private final ch.qos.logback.classic.Logger root =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    private final ch.qos.logback.classic.Level level = root.getLevel();

    @org.junit.jupiter.api.AfterEach
    void giveBackTheLogLevel() {
        root.setLevel(level);
    }

    @BeforeEach
    void inputs() throws IOException {
        playlist = Files.writeString(dir.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" tvg-chno="7" group-title="UK",BBC One HD
                http://up.example/1.ts
                #EXTINF:-1 group-title="UK",Channel 4
                http://up.example/2.ts
                #EXTINF:-1 group-title="Shopping",QVC
                http://up.example/3.ts
                """);
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
        guide = Files.writeString(
                dir.resolve("guide.xml"),
                "<tv><channel id=\"bbc1.uk\"><display-name>BBC One"
                        + "</display-name></channel><programme channel=\"bbc1.uk\" start=\"" + XMLTV.format(start)
                        + "\" stop=\"" + XMLTV.format(start.plus(Duration.ofHours(1)))
                        + "\"><title>News</title></programme></tv>");
    }

    private int run(String... args) {
        CommandLine line = TvarrCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void writes_a_filtered_renamed_renumbered_playlist_and_its_guide() throws IOException {
        Path target = dir.resolve("out");

        int exit = run(
                "generate",
                "--playlist",
                playlist.toString(),
                "--guide",
                guide.toString(),
                "--exclude",
                "group_title == \"Shopping\"",
                "--rule",
                "channel_name ends_with \" HD\" SET channel_name = \"BBC One\"",
                "--numbering",
                "sequential",
                "--start",
                "100",
                "--out",
                target.toString());

        assertThat(exit).as(err.toString()).isZero();
        String m3u = Files.readString(target.resolve("playlist.m3u"));
        assertThat(m3u)
                .contains("tvg-chno=\"100\"", ",BBC One\n", "tvg-chno=\"101\"", ",Channel 4\n")
                .doesNotContain("QVC");
        assertThat(Files.readString(target.resolve("epg.xml"))).contains("<channel id=\"bbc1.uk\">", "<title>News");
        assertThat(out.toString()).contains("mapping", "filtering", "numbering", "3 in", "2 out");
    }

    @Test
    void replaces_an_earlier_runs_files_keeping_their_permissions_and_leaves_nothing_else() throws IOException {
        Path target = Files.createDirectories(dir.resolve("out"));
        Path earlier = Files.writeString(target.resolve("playlist.m3u"), "#EXTM3U\n");
        Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-rw-r--"));

        int exit = run("generate", "--playlist", playlist.toString(), "--out", target.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.readString(target.resolve("playlist.m3u"))).contains(",QVC\n");
        assertThat(Files.getPosixFilePermissions(target.resolve("playlist.m3u")))
                .isEqualTo(PosixFilePermissions.fromString("rw-rw-r--"));
        try (Stream<Path> files = Files.list(target)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("playlist.m3u", "epg.xml");
        }
    }

    @Test
    void a_failure_leaves_none_of_the_directories_it_made_for_the_output() throws IOException {
        Files.writeString(guide, "<tv><programme");
        Path target = dir.resolve("a").resolve("b").resolve("out");

        int exit = run(
                "generate", "--playlist", playlist.toString(), "--guide", guide.toString(), "--out", target.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void an_invalid_expression_fails_before_reading_anything_and_names_the_column() {
        int exit = run(
                "generate",
                "--playlist",
                playlist.toString(),
                "--include",
                "channel_name contain \"x\"",
                "--out",
                dir.resolve("out").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--include", "column 14");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void an_unreadable_playlist_is_a_clear_failure() {
        int exit = run("generate", "--playlist", dir.resolve("missing.m3u").toString(), "--out", dir.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--playlist", "missing.m3u", "not a readable file");
    }

    @Test
    void a_broken_guide_fails_with_its_position_and_writes_nothing() throws IOException {
        Files.writeString(guide, "<tv><channel id=\"a\"><display-name>A</display-name></channel><programme");

        int exit = generateIntoOut();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--guide " + guide, "line 1");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** There is no stored guide to protect in a one-shot run, so there is nothing to accept: the guide is empty. */
    @Test
    void a_guide_without_programmes_says_so_in_the_command_lines_words() throws IOException {
        Files.writeString(
                guide,
                "<tv><channel id=\"bbc1.uk\"><display-name>BBC One</display-name></channel>"
                        + "<programme channel=\"bbc1.uk\"><title>No times</title></programme></tv>");

        int exit = generateIntoOut();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString())
                .contains("--guide " + guide + ": yielded no programmes (1 malformed entry skipped)")
                .doesNotContain("accept");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    /** {@code tvarr generate} of the playlist and guide into {@code out}; its exit code. */
    private int generateIntoOut() {
        return run(
                "generate",
                "--playlist",
                playlist.toString(),
                "--guide",
                guide.toString(),
                "--out",
                dir.resolve("out").toString());
    }
}
