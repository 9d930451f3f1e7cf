package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.persistence.sql.Vendor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V27 stores each override's and pin's channel key and fills it for rows written before, from the channel when it is
 * still there. The fill is the same statement on every database (only the ALTERs differ), so SQLite is enough to see
 * it run on rows the schema before it wrote; the three contracts migrate the other dialects.
 */
class ChannelKeyMigrationIT {
    @TempDir
    Path dir;

    @Test
    void migrating_fills_the_key_where_the_channel_is_still_there_and_leaves_orphans_without() {
        String url = "jdbc:sqlite:" + dir.resolve("tvarr.db");
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration/common", "classpath:db/migration/sqlite")
                .javaMigrations(JdbiPersistence.javaMigrations(Vendor.SQLITE))
                .target("26")
                .load()
                .migrate();
        try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of(url))) {
            StreamSource source = anM3uSource("provider");
            store.streamSources().insert(source);
            StreamProxy proxy = aProxy("living-room", source.id());
            store.proxies().insert(proxy);
            Channel kept = aChannel()
                    .from(source.id())
                    .withKey("m3u:|/one.ts")
                    .named("One")
                    .build();
            ChannelId gone = ChannelId.of(source.id(), "m3u:|/gone.ts");
            // the rows as a tvarr of schema version 26 wrote them: no key columns yet (and no group counts, V31)
            store.database().withHandle(h -> {
                h.execute(
                        "INSERT INTO channel (id, source_id, position, external_key, name, stream_url, attributes)"
                                + " VALUES (?, ?, 0, ?, ?, ?, '{}')",
                        kept.id().toString(),
                        source.id().toString(),
                        kept.externalKey(),
                        kept.name(),
                        kept.streamUrl());
                for (ChannelId id : List.of(kept.id(), gone)) {
                    h.execute(
                            "INSERT INTO channel_override (proxy_id, channel_id, name, hidden, updated_at)"
                                    + " VALUES (?, ?, 'Mine', FALSE, ?)",
                            proxy.id().toString(),
                            id.toString(),
                            T0.toEpochMilli());
                    h.execute(
                            "INSERT INTO guide_pin (proxy_id, channel_id, guide_channel_id, pinned_at)"
                                    + " VALUES (?, ?, 'one.uk', ?)",
                            proxy.id().toString(),
                            id.toString(),
                            T0.toEpochMilli());
                }
                h.execute(
                        "INSERT INTO proxy_channel_alternate (proxy_id, channel_id, alternate_order, alternate_id)"
                                + " VALUES (?, ?, 0, ?)",
                        proxy.id().toString(),
                        gone.toString(),
                        kept.id().toString());
                return null;
            });

            store.migrate();

            ChannelKey key = new ChannelKey(source.id(), "m3u:|/one.ts");
            assertThat(store.channelOverrides()
                            .find(proxy.id(), kept.id())
                            .orElseThrow()
                            .key())
                    .isEqualTo(key);
            assertThat(store.channelOverrides()
                            .find(proxy.id(), gone)
                            .orElseThrow()
                            .key())
                    .isNull();
            List<GuidePin> pins = new ArrayList<>();
            store.guideMatching().forEachPin(proxy.id(), pins::add);
            assertThat(pins)
                    .extracting(GuidePin::channel, GuidePin::key)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(kept.id(), key),
                            org.assertj.core.groups.Tuple.tuple(gone, null));
            assertThat(store.channelKeys().find(kept.id())).contains(key);
            assertThat(store.channelKeys().find(gone)).isEmpty();
            assertThat(new ChannelOverride(proxy.id(), kept.id(), "Mine", null, null, null, null, false, T0, key))
                    .isEqualTo(
                            store.channelOverrides().find(proxy.id(), kept.id()).orElseThrow());
        }
    }
}
