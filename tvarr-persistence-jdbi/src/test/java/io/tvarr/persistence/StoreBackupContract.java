package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.backup.BackupSummary;
import io.tvarr.domain.backup.service.StoreBackup;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.logo.FileLogoStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups on every database: what one database wrote, a fresh one of the same kind and an SQLite one load back
 * whole; a damaged, truncated or newer archive is refused and leaves what was stored. Subclasses supply the database.
 */
abstract class StoreBackupContract {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T09:00:00Z"), ZoneOffset.UTC);
    private static final String LOGO = "a".repeat(64) + ".png";

    @TempDir
    Path dir;

    private final List<TestDatabase> databases = new ArrayList<>();

    abstract TestDatabase createDatabase();

    private JdbiPersistence fresh(TestDatabase database) {
        databases.add(database);
        JdbiPersistence store = database.persistence();
        store.migrate();
        return store;
    }

    @AfterEach
    void drop() {
        databases.forEach(TestDatabase::close);
    }

    private StoreBackup backups(JdbiPersistence store, String logoDir) {
        return new StoreBackup(store.snapshots(), new FileLogoStore(dir.resolve(logoDir)), CLOCK, "test");
    }

    private StreamSource source;
    private JdbiPersistence original;

    @BeforeEach
    void a_store_with_a_source_channels_a_proxy_and_a_logo() throws IOException {
        original = fresh(createDatabase());
        source = anM3uSource("provider");
        original.streamSources().insert(source);
        original.channels().replaceAllForSource(source.id(), sink -> {
            for (int i = 0; i < 2_500; i++) {
                sink.accept(channel(i));
            }
        });
        StreamProxy proxy = aProxy("living-room", source.id());
        original.proxies().insert(proxy);
        original.manualChannels()
                .saveAll(List.of(new ManualChannel(
                        new ChannelId(java.util.UUID.randomUUID()),
                        proxy.id(),
                        "Town TV",
                        "https://town.example/live.m3u8",
                        null,
                        null,
                        "Local",
                        500,
                        null,
                        0,
                        CLOCK.instant())));
        Files.createDirectories(dir.resolve("logos"));
        Files.write(dir.resolve("logos").resolve(LOGO), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    private Channel channel(int i) {
        return aChannel()
                .from(source.id())
                .withKey("key-" + i)
                .named("Channel " + i + " 📺")
                .withTvgId(i % 3 == 0 ? null : "ch" + i)
                .withNumber(Integer.toString(100 + i))
                .withAttribute("catchup-days", "7")
                .build();
    }

    private byte[] backUp() {
        ByteArrayOutputStream archive = new ByteArrayOutputStream();
        BackupSummary summary = backups(original, "logos").backUp(archive);
        assertThat(summary.rows()).containsEntry("channel", 2_500L).containsEntry("stream_source", 1L);
        assertThat(summary.logos()).isEqualTo(1);
        return archive.toByteArray();
    }

    private List<Channel> channels(JdbiPersistence store) {
        List<Channel> channels = new ArrayList<>();
        store.channels().forEachBySource(source.id(), channels::add);
        return channels;
    }

    @Test
    void a_fresh_database_of_the_same_kind_restores_every_row_and_logo() throws IOException {
        byte[] archive = backUp();
        JdbiPersistence restored = fresh(createDatabase());

        BackupSummary summary = backups(restored, "restored-logos").restore(new ByteArrayInputStream(archive));

        assertThat(summary.rows()).containsEntry("channel", 2_500L);
        assertThat(restored.streamSources().findAll()).containsExactly(source);
        assertThat(channels(restored)).containsExactlyElementsOf(channels(original));
        assertThat(restored.proxies().findAll()).isEqualTo(original.proxies().findAll());
        StreamProxy proxy = original.proxies().findAll().get(0);
        assertThat(restored.manualChannels().findAllByProxy(proxy.id()))
                .hasSize(1)
                .isEqualTo(original.manualChannels().findAllByProxy(proxy.id()));
        assertThat(dir.resolve("restored-logos").resolve(LOGO))
                .hasBinaryContent(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void an_sqlite_database_restores_what_this_one_wrote() {
        byte[] archive = backUp();
        JdbiPersistence sqlite = fresh(TestDatabase.sqlite(dir.resolve("other")));

        backups(sqlite, "sqlite-logos").restore(new ByteArrayInputStream(archive));

        assertThat(channels(sqlite)).containsExactlyElementsOf(channels(original));
        assertThat(sqlite.proxies().findAll()).isEqualTo(original.proxies().findAll());
    }

    @Test
    void restoring_replaces_what_was_stored() {
        byte[] archive = backUp();
        StreamSource later = anM3uSource("added-later");
        original.streamSources().insert(later);

        backups(original, "logos").restore(new ByteArrayInputStream(archive));

        assertThat(original.streamSources().findAll()).containsExactly(source);
    }

    @Test
    void an_archive_cut_short_is_refused_and_the_store_keeps_its_rows() {
        byte[] whole = backUp();
        byte[] archive = Arrays.copyOf(whole, whole.length / 2);
        JdbiPersistence target = fresh(createDatabase());
        StreamSource kept = anM3uSource("kept");
        target.streamSources().insert(kept);

        assertThatThrownBy(() -> backups(target, "t-logos").restore(new ByteArrayInputStream(archive)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("backup archive:");

        assertThat(target.streamSources().findAll()).containsExactly(kept);
    }

    @Test
    void an_archive_missing_a_table_is_refused_and_the_store_keeps_its_rows() throws IOException {
        String manifest = new String(entry(backUp(), "manifest.properties"), StandardCharsets.UTF_8);
        String tables = manifest.lines()
                .filter(l -> l.startsWith("tables="))
                .findFirst()
                .orElseThrow();
        String last = tables.substring(tables.lastIndexOf(',') + 1);
        byte[] archive = withoutEntry(backUp(), "database/" + last + ".rows");
        JdbiPersistence target = fresh(createDatabase());
        StreamSource kept = anM3uSource("kept");
        target.streamSources().insert(kept);

        assertThatThrownBy(() -> backups(target, "t-logos").restore(new ByteArrayInputStream(archive)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("truncated")
                .hasMessageContaining(last);

        assertThat(target.streamSources().findAll()).containsExactly(kept);
    }

    @Test
    void a_malformed_row_is_refused_naming_table_and_row_and_the_store_keeps_its_rows() throws IOException {
        byte[] archive =
                replacing(backUp(), "database/stream_proxy.rows", "{\"id\": \"x\"\n".getBytes(StandardCharsets.UTF_8));
        JdbiPersistence target = fresh(createDatabase());
        StreamSource kept = anM3uSource("kept");
        target.streamSources().insert(kept);

        assertThatThrownBy(() -> backups(target, "t-logos").restore(new ByteArrayInputStream(archive)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("table 'stream_proxy' row 1");

        assertThat(target.streamSources().findAll()).containsExactly(kept);
    }

    @Test
    void an_archive_of_a_newer_schema_is_refused_before_anything_changes() throws IOException {
        byte[] manifest = entry(backUp(), "manifest.properties");
        String newer = new String(manifest, StandardCharsets.UTF_8).replaceAll("(?m)^schema=.*$", "schema=9999");
        byte[] archive = replacing(backUp(), "manifest.properties", newer.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> backups(original, "logos").restore(new ByteArrayInputStream(archive)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("schema 9999, newer than this tvarr's schema")
                .hasMessageContaining("Upgrade tvarr");

        assertThat(channels(original)).hasSize(2_500);
    }

    @Test
    void something_that_is_not_a_backup_is_refused() {
        byte[] notZip = "#EXTM3U\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> backups(original, "logos").restore(new ByteArrayInputStream(notZip)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("not a tvarr backup");
        assertThat(channels(original)).hasSize(2_500);
    }

    private static byte[] entry(byte[] archive, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new AssertionError("no entry " + name);
    }

    private static byte[] withoutEntry(byte[] archive, String name) throws IOException {
        return replacing(archive, name, null);
    }

    private static byte[] replacing(byte[] archive, String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(name)) {
                    if (content == null) {
                        continue;
                    }
                    bytes = Arrays.copyOf(content, content.length);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
