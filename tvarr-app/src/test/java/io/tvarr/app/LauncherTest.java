package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkout's launcher ({@code ./tvarr}) picks the JVM's flags per command: it is run here with a {@code java} of
 * the test's on the path that only writes down the arguments it was given, and a jar that needs no build.
 */
class LauncherTest {
    private static final long MIB = 1024 * 1024;

    @TempDir
    Path dir;

    private Path launcher;
    private Path arguments;

    @BeforeEach
    void fakeJava() throws IOException {
        launcher = Path.of("").toAbsolutePath().getParent().resolve("tvarr");
        assertThat(launcher).as("the checkout's launcher").isRegularFile();
        Path bin = Files.createDirectories(dir.resolve("bin"));
        arguments = dir.resolve("arguments");
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + arguments + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("tvarr.jar"), "");
    }

    @Test
    void generate_keeps_to_the_quick_compiler_for_inputs_of_ordinary_size() throws Exception {
        Path playlist = file("playlist.m3u", 20 * MIB);
        Path guide = file("guide.xml", 100 * MIB);

        List<String> given = run("generate", "--playlist", playlist.toString(), "--guide=" + guide, "--out", "out");

        assertThat(given).contains("-XX:TieredStopAtLevel=1", "-Xms64m", "generate");
    }

    @Test
    void generate_keeps_both_compilers_when_its_local_inputs_pass_128_mib() throws Exception {
        Path playlist = file("playlist.m3u", 20 * MIB);
        Path guide = file("guide.xml", 110 * MIB);

        List<String> given = run("generate", "--playlist=" + playlist, "--guide", guide.toString(), "--out", "out");

        assertThat(given).doesNotContain("-XX:TieredStopAtLevel=1").contains("-Xms64m", "generate");
    }

    @Test
    void an_input_given_by_url_or_missing_counts_as_nothing() throws Exception {
        List<String> given = run(
                "generate",
                "--playlist",
                "http://provider.example/get.php",
                "--guide",
                dir.resolve("missing.xml").toString(),
                "--out",
                "out");

        assertThat(given).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void serve_keeps_both_compilers() throws Exception {
        assertThat(run("serve", "--port", "0"))
                .doesNotContain("-XX:TieredStopAtLevel=1")
                .contains("serve");
    }

    /** A file of {@code size} bytes without writing them (sparse). */
    private Path file(String name, long size) throws IOException {
        Path file = dir.resolve(name);
        try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
            out.setLength(size);
        }
        return file;
    }

    private List<String> run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder();
        builder.command().addAll(List.of("bash", launcher.toString()));
        builder.command().addAll(List.of(command));
        builder.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("TVARR_JAR", dir.resolve("tvarr.jar").toString());
        builder.environment().remove("TVARR_JAVA_OPTS");
        builder.redirectErrorStream(true)
                .redirectOutput(dir.resolve("launcher.log").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("the launcher ended")
                .isTrue();
        assertThat(process.exitValue())
                .as("the launcher's exit: %s", Files.readString(dir.resolve("launcher.log")))
                .isZero();
        return Files.readAllLines(arguments);
    }
}
