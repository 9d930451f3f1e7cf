package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.proxy.StreamProxy;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V4 renames the stored delivery mode RELAY to TRANSCODE. The script is the same for every database (it lives in
 * {@code common}), so SQLite is enough to see it run on a database written by the schema before it.
 */
class DeliveryModeRenameIT {
    @TempDir
    Path dir;

    @Test
    void migrating_turns_stored_relay_into_transcode() {
        String url = "jdbc:sqlite:" + dir.resolve("tvarr.db");
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .target("3")
                .load()
                .migrate();
        try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of(url))) {
            StreamProxy proxy = TranscodingProxy.withStoredProfile(store, T0);
            // the row as a tvarr of schema version 3 wrote it: today's repository writes columns added since
            store.database()
                    .withHandle(h -> h.execute(
                            "INSERT INTO stream_proxy (id, name, slug, numbering_mode, numbering_start,"
                                    + " numbering_block_size, delivery_mode, relay_profile_id, include_chno,"
                                    + " group_title_override, url_tvg_header, cache_logos, deduplicate_streams,"
                                    + " epg_days_back, epg_days_ahead, schedule, created_at, updated_at)"
                                    + " VALUES (?, 'tv', 'tv', 'PRESERVE', 1, 100, 'RELAY', ?, TRUE, NULL, TRUE,"
                                    + " FALSE, FALSE, 1, 7, NULL, ?, ?)",
                            proxy.id().toString(),
                            proxy.relayProfile().toString(),
                            T0.toEpochMilli(),
                            T0.toEpochMilli()));

            store.migrate();

            String stored = store.database()
                    .withHandle(h -> h.createQuery("SELECT delivery_mode FROM stream_proxy")
                            .mapTo(String.class)
                            .one());
            assertThat(stored).isEqualTo("TRANSCODE");
            assertThat(store.proxies().findById(proxy.id())).contains(proxy);
        }
    }
}
