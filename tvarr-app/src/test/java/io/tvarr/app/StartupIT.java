package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a one-entry {@code tvarr generate} and a {@code tvarr serve} start leave undone (#19): work they do not need,
 * seen as the classes their process never loads.
 */
class StartupIT {
    @TempDir
    Path dir;

    @Test
    void a_one_entry_generate_runs_no_migration_and_makes_no_relay_client_or_tls_context() throws Exception {
        String loaded = generate();

        // a new database is the build's template: Flyway never migrates
        assertThat(loaded).doesNotContain("org.flywaydb.core.internal.command.DbMigrate ");
        // the relay's upstream client and its TLS trust are made when a stream is first relayed
        assertThat(loaded)
                .doesNotContain("org.apache.hc.client5.http.impl.classic.CloseableHttpClient ")
                .doesNotContain("sun.security.ssl.SSLContextImpl ");
    }

    @Test
    void a_generate_builds_the_command_line_of_no_other_subcommand() throws Exception {
        String loaded = generate();

        assertThat(loaded)
                .contains("io.tvarr.app.GenerateCommand ")
                .doesNotContain("io.tvarr.app.UserCommand ")
                .doesNotContain("io.tvarr.app.BackupCommand$Restore ");
    }

    @Test
    void sqlite_loads_its_library_from_the_users_cache_without_extracting_it() throws Exception {
        String loaded = generate();

        // sqlite-jdbc's own extraction writes a temporary copy it marks delete-on-exit
        assertThat(loaded).doesNotContain("java.io.DeleteOnExitHook ");
        try (var cached = Files.list(dir.resolve("cache/tvarr"))) {
            assertThat(cached.map(file -> file.getFileName().toString()))
                    .singleElement()
                    .asString()
                    .startsWith("libsqlitejdbc-");
        }
    }

    @Test
    void a_serve_start_starts_no_jmx_server() throws Exception {
        String loaded = serveUntilReady();

        // Jetty asks the platform MBean server for the JVM's reference size unless it is told
        assertThat(loaded)
                .contains("org.eclipse.jetty.util.MemoryUtils ")
                .doesNotContain("javax.management.MBeanServerFactory ");
    }

    /** Runs {@code tvarr serve} over a new data directory in a new JVM until it is ready; the classes it loaded. */
    private String serveUntilReady() throws Exception {
        Path classes = dir.resolve("serve-classes.txt");
        Map<ConfigKey, String> settings = Map.of(
                ConfigKey.SERVER_HOST, "127.0.0.1",
                ConfigKey.SERVER_PORT, "0",
                ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0",
                ConfigKey.HDHOMERUN_SSDP_PORT, "0");
        try (TvarrProcess serve = TvarrProcess.start(
                "serve",
                dir,
                settings,
                List.of("-Xlog:class+load:file=" + classes),
                Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()))) {
            int port = serve.awaitPort(Duration.ofSeconds(180));
            assertThat(ready(port)).as(serve.logTail()).isTrue();
        }
        return Files.readString(classes);
    }

    private static boolean ready(int port) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
                .build();
        for (int attempt = 0; attempt < 600; attempt++) {
            if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Runs {@code tvarr generate} over a one-entry playlist in a new JVM; the classes it loaded. */
    private String generate() throws Exception {
        Path playlist = dir.resolve("one.m3u");
        Files.writeString(playlist, "#EXTM3U\n#EXTINF:-1 tvg-id=\"a.uk\",Channel A\nhttp://example.com/a.ts\n");
        Path classes = dir.resolve("classes.txt");
        Path output = dir.resolve("output.txt");
        ProcessBuilder builder = tvarr(
                classes,
                output,
                "generate",
                "--playlist",
                playlist.toString(),
                "--out",
                dir.resolve("out").toString());
        Process process = builder.start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(output)).isZero();
        return Files.readString(classes);
    }

    /**
     * {@code tvarr} with {@code arguments} in a new JVM that logs the classes it loads to {@code classes}, its output
     * to {@code output}, and has this test's own user cache.
     */
    private ProcessBuilder tvarr(Path classes, Path output, String... arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xlog:class+load:file=" + classes,
                "-cp",
                System.getProperty("java.class.path"),
                TvarrCommand.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        return builder;
    }
}
