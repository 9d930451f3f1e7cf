package io.tvarr.persistence.proxy;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Upserts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/** Manual channels in table {@code manual_channel}, one row per channel id, deleted with the proxy (foreign key). */
public final class JdbiManualChannelRepository implements ManualChannelRepository {
    private static final List<String> COLUMNS = List.of(
            "id",
            "proxy_id",
            "name",
            "stream_url",
            "tvg_id",
            "logo_url",
            "group_title",
            "number",
            "guide_channel_id",
            "sort_order",
            "updated_at");
    private static final String SELECT = "SELECT " + String.join(", ", COLUMNS) + " FROM manual_channel";

    private final Database db;
    private final String upsert;

    public JdbiManualChannelRepository(Database db) {
        this.db = db;
        this.upsert = Upserts.upsert(db.vendor(), "manual_channel", List.of("id"), COLUMNS);
    }

    @Override
    public void saveAll(List<ManualChannel> channels) {
        if (channels.isEmpty()) {
            return;
        }
        db.inTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(upsert);
            for (ManualChannel channel : channels) {
                batch.bind("id", channel.id().toString())
                        .bind("proxy_id", channel.proxy().toString())
                        .bind("name", channel.name())
                        .bind("stream_url", channel.streamUrl())
                        .bind("tvg_id", channel.tvgId())
                        .bind("logo_url", channel.logoUrl())
                        .bind("group_title", channel.group())
                        .bind("number", channel.number())
                        .bind("guide_channel_id", channel.guideChannelId())
                        .bind("sort_order", channel.position())
                        .bind("updated_at", channel.updatedAt().toEpochMilli())
                        .add();
            }
            return batch.execute();
        });
    }

    @Override
    public Optional<ManualChannel> find(ProxyId proxy, ChannelId channel) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE proxy_id = :proxy AND id = :id")
                .bind("proxy", proxy.toString())
                .bind("id", channel.toString())
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<ManualChannel> findAllByProxy(ProxyId proxy) {
        return db.withHandle(h -> h.createQuery(SELECT + " WHERE proxy_id = :proxy ORDER BY sort_order, id")
                .bind("proxy", proxy.toString())
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public boolean delete(ProxyId proxy, ChannelId channel) {
        return db.withHandle(h -> h.createUpdate("DELETE FROM manual_channel WHERE proxy_id = :proxy AND id = :id")
                        .bind("proxy", proxy.toString())
                        .bind("id", channel.toString())
                        .execute())
                > 0;
    }

    private static ManualChannel map(ResultSet rs) throws SQLException {
        int number = rs.getInt("number");
        Integer pinned = rs.wasNull() ? null : number;
        return new ManualChannel(
                ChannelId.parse(rs.getString("id")),
                ProxyId.parse(rs.getString("proxy_id")),
                rs.getString("name"),
                rs.getString("stream_url"),
                rs.getString("tvg_id"),
                rs.getString("logo_url"),
                rs.getString("group_title"),
                pinned,
                rs.getString("guide_channel_id"),
                rs.getInt("sort_order"),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }
}
