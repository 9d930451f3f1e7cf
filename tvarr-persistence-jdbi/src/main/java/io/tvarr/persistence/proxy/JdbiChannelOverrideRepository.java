package io.tvarr.persistence.proxy;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.out.ChannelOverrideRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Upserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Channel overrides in table {@code channel_override}, one row per proxy and channel id; deleted with the proxy
 * (foreign key), never with a channel: there is no foreign key to channel rows, which every refresh replaces.
 */
public final class JdbiChannelOverrideRepository implements ChannelOverrideRepository {
    private static final List<String> COLUMNS = List.of(
            "proxy_id",
            "channel_id",
            "name",
            "number",
            "group_title",
            "logo_url",
            "tvg_id",
            "hidden",
            "updated_at",
            "channel_source_id",
            "channel_key");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM channel_override";

    private final Database db;
    private final String upsert;

    public JdbiChannelOverrideRepository(Database db) {
        this.db = db;
        this.upsert = Upserts.upsert(db.vendor(), "channel_override", List.of("proxy_id", "channel_id"), COLUMNS);
    }

    @Override
    public void save(ChannelOverride override) {
        ChannelKey key = override.key();
        db.withHandle(h -> h.createUpdate(upsert)
                .bind("proxy_id", override.proxy().toString())
                .bind("channel_id", override.channel().toString())
                .bind("name", override.name())
                .bind("number", override.number())
                .bind("group_title", override.group())
                .bind("logo_url", override.logoUrl())
                .bind("tvg_id", override.tvgId())
                .bind("hidden", override.hidden())
                .bind("updated_at", override.updatedAt().toEpochMilli())
                .bind("channel_source_id", key == null ? null : key.source().toString())
                .bind("channel_key", key == null ? null : key.externalKey())
                .execute());
    }

    @Override
    public Optional<ChannelOverride> find(ProxyId proxy, ChannelId channel) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE proxy_id = :proxy AND channel_id = :channel")
                .bind("proxy", proxy.toString())
                .bind("channel", channel.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<ChannelOverride> findAllByProxy(ProxyId proxy) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE proxy_id = :proxy ORDER BY channel_id")
                .bind("proxy", proxy.toString())
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public boolean delete(ProxyId proxy, ChannelId channel) {
        return db.withHandle(h -> h.createUpdate(
                                "DELETE FROM channel_override WHERE proxy_id = :proxy AND channel_id = :channel")
                        .bind("proxy", proxy.toString())
                        .bind("channel", channel.toString())
                        .execute())
                > 0;
    }

    private static ChannelOverride map(ResultSet rs) throws SQLException {
        int number = rs.getInt("number");
        Integer pinned = rs.wasNull() ? null : number;
        return new ChannelOverride(
                ProxyId.parse(rs.getString("proxy_id")),
                ChannelId.parse(rs.getString("channel_id")),
                rs.getString("name"),
                pinned,
                rs.getString("group_title"),
                rs.getString("logo_url"),
                rs.getString("tvg_id"),
                rs.getBoolean("hidden"),
                Instant.ofEpochMilli(rs.getLong("updated_at")),
                key(rs));
    }

    /** The channel's key, stored since V27; null for older overrides whose channel was gone by then. */
    static @Nullable ChannelKey key(ResultSet rs) throws SQLException {
        String source = rs.getString("channel_source_id");
        String key = rs.getString("channel_key");
        return source == null || key == null ? null : new ChannelKey(SourceId.parse(source), key);
    }
}
