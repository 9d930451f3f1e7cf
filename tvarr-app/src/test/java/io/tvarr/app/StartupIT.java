package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a one-entry {@code tvarr generate} leaves undone (#19): work it does not need, seen as the classes its process
 * never loads.
 */
class StartupIT {
    @TempDir
    Path dir;

    @Test
    void a_one_entry_generate_runs_no_migration_and_makes_no_relay_client_or_tls_context() throws Exception {
        Path playlist = dir.resolve("one.m3u");
        Files.writeString(playlist, "#EXTM3U\n#EXTINF:-1 tvg-id=\"a.uk\",Channel A\nhttp://example.com/a.ts\n");
        Path classes = dir.resolve("classes.txt");
        Path output = dir.resolve("output.txt");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-Xlog:class+load:file=" + classes,
                        "-cp",
                        System.getProperty("java.class.path"),
                        TvarrCommand.class.getName(),
                        "generate",
                        "--playlist",
                        playlist.toString(),
                        "--out",
                        dir.resolve("out").toString()))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(output)).isZero();

        String loaded = Files.readString(classes);
        // a new database is the build's template: Flyway never migrates
        assertThat(loaded).doesNotContain("org.flywaydb.core.internal.command.DbMigrate ");
        // the relay's upstream client and its TLS trust are made when a stream is first relayed
        assertThat(loaded)
                .doesNotContain("org.apache.hc.client5.http.impl.classic.CloseableHttpClient ")
                .doesNotContain("sun.security.ssl.SSLContextImpl ");
    }
}
