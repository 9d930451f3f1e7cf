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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tvarr backup} beside a running core, {@code tvarr restore} into another data directory, and bad archives. */
class BackupCommandIT {
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
    void a_backup_taken_while_tvarr_runs_restores_into_another_data_directory() {
        Path data = dir.resolve("data");
        Path archive = dir.resolve("backups/tvarr.zip");
        List<StreamSource> sources;
        List<StreamProxy> proxies;
        try (Tvarr running = Tvarr.builder().dataDir(data).build()) {
            StreamSource source =
                    running.sources().create(SaveStreamSourceCommand.m3u("provider", "http://provider.test/a.m3u"));
            running.proxies().create(SaveProxyCommand.named("Living room").withSources(source.id()));
            sources = running.sources().list();
            proxies = running.proxies().list();

            int exit = run("backup", "-o", archive.toString(), "--data-dir", data.toString());

            assertThat(exit).as(err.toString()).isZero();
        }
        assertThat(out.toString()).contains("backup written to " + archive.toAbsolutePath());
        assertThat(archive).isRegularFile();
        assertThat(archive.resolveSibling("tvarr.zip.partial")).doesNotExist();

        Path other = dir.resolve("other");
        int exit = run("restore", archive.toString(), "--data-dir", other.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("restored " + archive);
        try (Tvarr restored = Tvarr.builder().dataDir(other).build()) {
            assertThat(restored.sources().list()).isEqualTo(sources);
            assertThat(restored.proxies().list()).isEqualTo(proxies);
        }
    }

    @Test
    void a_file_that_is_not_a_backup_is_refused_with_one_line_and_nothing_changes() throws IOException {
        Path data = dir.resolve("data");
        try (Tvarr tvarr = Tvarr.builder().dataDir(data).build()) {
            tvarr.sources().create(SaveStreamSourceCommand.m3u("kept", "http://provider.test/a.m3u"));
        }
        Path playlist = Files.writeString(dir.resolve("not-a-backup.zip"), "#EXTM3U\n", StandardCharsets.UTF_8);

        int exit = run("restore", playlist.toString(), "--data-dir", data.toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("not a tvarr backup");
        try (Tvarr tvarr = Tvarr.builder().dataDir(data).build()) {
            assertThat(tvarr.sources().list()).extracting(StreamSource::name).containsExactly("kept");
        }
    }

    @Test
    void a_missing_archive_is_named() {
        int exit = run("restore", dir.resolve("nowhere.zip").toString(), "--data-dir", dir.toString());

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("nowhere.zip").contains("is not a file");
    }
}
