package io.tvarr.persistence.proxy;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.persistence.sql.Database;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Guide pins in table {@code guide_pin} (one row per proxy and channel) and settings in {@code
 * guide_match_settings}; a proxy's deletion cascades to both.
 */
public final class JdbiGuideMatchRepository implements GuideMatchRepository {
    private final Database db;

    public JdbiGuideMatchRepository(Database db) {
        this.db = db;
    }

    @Override
    public void forEachPin(ProxyId proxy, Consumer<GuidePin> consumer) {
        db.withHandle(h -> {
            h.createQuery(
                            "SELECT channel_id, guide_channel_id, pinned_at, channel_source_id, channel_key FROM guide_pin"
                                    + " WHERE proxy_id = :proxy ORDER BY channel_id")
                    .bind("proxy", proxy.toString())
                    .map((rs, ctx) -> new GuidePin(
                            proxy,
                            ChannelId.parse(rs.getString("channel_id")),
                            rs.getString("guide_channel_id"),
                            Instant.ofEpochMilli(rs.getLong("pinned_at")),
                            JdbiChannelOverrideRepository.key(rs)))
                    .forEach(consumer);
            return null;
        });
    }

    @Override
    public void savePin(GuidePin pin) {
        // delete and insert in one transaction: portable across the three databases' different upserts
        db.inTransaction(h -> {
            h.createUpdate("DELETE FROM guide_pin WHERE proxy_id = :proxy AND channel_id = :channel")
                    .bind("proxy", pin.proxy().toString())
                    .bind("channel", pin.channel().toString())
                    .execute();
            return h.createUpdate("INSERT INTO guide_pin (proxy_id, channel_id, guide_channel_id, pinned_at,"
                            + " channel_source_id, channel_key) VALUES (:proxy, :channel, :guide, :at, :source, :key)")
                    .bind("proxy", pin.proxy().toString())
                    .bind("channel", pin.channel().toString())
                    .bind("guide", pin.guideChannelId())
                    .bind("at", pin.pinnedAt().toEpochMilli())
                    .bind(
                            "source",
                            pin.key() == null ? null : pin.key().source().toString())
                    .bind("key", pin.key() == null ? null : pin.key().externalKey())
                    .execute();
        });
    }

    @Override
    public boolean deletePin(ProxyId proxy, ChannelId channel) {
        return db.withHandle(
                        h -> h.createUpdate("DELETE FROM guide_pin WHERE proxy_id = :proxy AND channel_id = :channel")
                                .bind("proxy", proxy.toString())
                                .bind("channel", channel.toString())
                                .execute())
                > 0;
    }

    @Override
    public GuideMatchSettings settings(ProxyId proxy) {
        return db.withHandle(h -> h.createQuery("SELECT threshold FROM guide_match_settings WHERE proxy_id = :proxy")
                .bind("proxy", proxy.toString())
                .mapTo(Integer.class)
                .findOne()
                .map(GuideMatchSettings::new)
                .orElse(GuideMatchSettings.DEFAULT));
    }

    @Override
    public void saveSettings(ProxyId proxy, GuideMatchSettings settings) {
        db.inTransaction(h -> {
            h.createUpdate("DELETE FROM guide_match_settings WHERE proxy_id = :proxy")
                    .bind("proxy", proxy.toString())
                    .execute();
            return h.createUpdate("INSERT INTO guide_match_settings (proxy_id, threshold) VALUES (:proxy, :threshold)")
                    .bind("proxy", proxy.toString())
                    .bind("threshold", settings.threshold())
                    .execute();
        });
    }
}
