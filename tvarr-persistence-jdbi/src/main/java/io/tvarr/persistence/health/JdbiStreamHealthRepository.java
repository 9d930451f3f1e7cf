package io.tvarr.persistence.health;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.health.port.out.StreamHealthRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Rows;
import io.tvarr.persistence.sql.Upserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stream checks in {@code stream_health_settings} (one row per source whose checks were ever configured) and
 * {@code stream_health} (one row per channel ever checked, its last result); a source's deletion cascades to both.
 */
public final class JdbiStreamHealthRepository implements StreamHealthRepository {
    private static final List<String> SETTINGS = List.of("source_id", "enabled", "schedule", "max_checks_per_run");
    private static final List<String> RESULTS = List.of(
            "channel_id", "source_id", "channel_name", "status", "reason", "video_codec", "audio_codec", "checked_at");
    private static final String SELECT = "SELECT " + String.join(", ", RESULTS) + " FROM stream_health";
    /** Channel names are kept to the column's width; the id, not the name, identifies the channel. */
    private static final int NAME_COLUMN = 512;

    private final Database db;
    private final String upsertSettings;
    private final String upsertResult;

    public JdbiStreamHealthRepository(Database db) {
        this.db = db;
        this.upsertSettings = Upserts.upsert(db.vendor(), "stream_health_settings", List.of("source_id"), SETTINGS);
        this.upsertResult = Upserts.upsert(db.vendor(), "stream_health", List.of("channel_id"), RESULTS);
    }

    @Override
    public HealthCheckSettings settings(SourceId source) {
        return db.withHandle(
                h -> h.createQuery("SELECT enabled, schedule, max_checks_per_run FROM stream_health_settings"
                                + " WHERE source_id = :source")
                        .bind("source", source.toString())
                        .map((rs, ctx) -> settings(rs))
                        .findOne()
                        .orElse(HealthCheckSettings.DEFAULT));
    }

    @Override
    public void saveSettings(SourceId source, HealthCheckSettings settings) {
        db.withHandle(h -> h.createUpdate(upsertSettings)
                .bind("source_id", source.toString())
                .bind("enabled", settings.enabled())
                .bind("schedule", settings.schedule())
                .bind("max_checks_per_run", settings.maxChecksPerRun())
                .execute());
    }

    @Override
    public Map<SourceId, HealthCheckSettings> enabledChecks() {
        Map<SourceId, HealthCheckSettings> enabled = new HashMap<>();
        db.withHandle(h -> h.createQuery(
                        "SELECT source_id, enabled, schedule, max_checks_per_run FROM stream_health_settings"
                                + " WHERE enabled = :on")
                .bind("on", true)
                .map((rs, ctx) -> enabled.put(SourceId.parse(rs.getString("source_id")), settings(rs)))
                .list());
        return enabled;
    }

    @Override
    public void record(StreamHealth result) {
        String name = result.channelName();
        db.withHandle(h -> h.createUpdate(upsertResult)
                .bind("channel_id", result.channel().toString())
                .bind("source_id", result.source().toString())
                .bind("channel_name", name.length() > NAME_COLUMN ? name.substring(0, NAME_COLUMN) : name)
                .bind("status", result.status().name())
                .bind("reason", result.reason())
                .bind("video_codec", result.videoCodec())
                .bind("audio_codec", result.audioCodec())
                .bind("checked_at", result.checkedAt().toEpochMilli())
                .execute());
    }

    @Override
    public Optional<StreamHealth> findByChannel(ChannelId channel) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE channel_id = :id")
                .bind("id", channel.toString())
                .map((rs, ctx) -> result(rs))
                .findOne());
    }

    @Override
    public List<StreamHealth> findByChannels(Collection<ChannelId> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE channel_id IN (<ids>)")
                .bindList("ids", channels.stream().map(ChannelId::toString).toList())
                .map((rs, ctx) -> result(rs))
                .list());
    }

    @Override
    public Page<StreamHealth> findPage(SourceId source, int page, int size) {
        return db.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM stream_health WHERE source_id = :source")
                    .bind("source", source.toString())
                    .mapTo(Long.class)
                    .one();
            List<StreamHealth> items = h.createQuery(SELECT
                            + " WHERE source_id = :source ORDER BY checked_at DESC, channel_id"
                            + " LIMIT :limit OFFSET :offset")
                    .bind("source", source.toString())
                    .bind("limit", size)
                    .bind("offset", (long) page * size)
                    .map((rs, ctx) -> result(rs))
                    .list();
            return new Page<>(items, page, size, total);
        });
    }

    @Override
    public Map<HealthStatus, Long> counts(SourceId source) {
        Map<HealthStatus, Long> counts = new EnumMap<>(HealthStatus.class);
        db.withHandle(h -> h.createQuery(
                        "SELECT status, COUNT(*) AS n FROM stream_health WHERE source_id = :source GROUP BY status")
                .bind("source", source.toString())
                .map((rs, ctx) -> counts.put(HealthStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list());
        return counts;
    }

    @Override
    public List<ChannelId> dueForCheck(SourceId source, int limit) {
        return db.withHandle(
                h -> h.createQuery("SELECT c.id FROM channel c LEFT JOIN stream_health s ON s.channel_id = c.id"
                                + " WHERE c.source_id = :source"
                                + " ORDER BY CASE WHEN s.checked_at IS NULL THEN 0 ELSE 1 END, s.checked_at,"
                                + " c.position, c.id LIMIT :limit")
                        .bind("source", source.toString())
                        .bind("limit", limit)
                        .map((rs, ctx) -> ChannelId.parse(rs.getString(1)))
                        .list());
    }

    private static HealthCheckSettings settings(ResultSet rs) throws SQLException {
        return new HealthCheckSettings(
                rs.getBoolean("enabled"), rs.getString("schedule"), rs.getInt("max_checks_per_run"));
    }

    private static StreamHealth result(ResultSet rs) throws SQLException {
        return new StreamHealth(
                ChannelId.parse(rs.getString("channel_id")),
                SourceId.parse(rs.getString("source_id")),
                rs.getString("channel_name"),
                HealthStatus.valueOf(rs.getString("status")),
                rs.getString("reason"),
                rs.getString("video_codec"),
                rs.getString("audio_codec"),
                Rows.instant(rs, "checked_at"));
    }
}
