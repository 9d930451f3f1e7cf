package io.tvarr.persistence.failover;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.persistence.sql.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Failover settings: {@code proxy_failover} (one row per proxy ever changed) and {@code proxy_channel_alternate}
 * (one row per alternate, in order); a proxy's deletion cascades to both.
 */
public final class JdbiProxyFailoverRepository implements ProxyFailoverRepository {
    private final Database db;

    public JdbiProxyFailoverRepository(Database db) {
        this.db = db;
    }

    @Override
    public ProxyFailover find(ProxyId proxy) {
        return db.withHandle(h -> {
            Optional<String> mergeBy = h.createQuery("SELECT merge_by FROM proxy_failover WHERE proxy_id = :proxy")
                    .bind("proxy", proxy.toString())
                    .mapTo(String.class)
                    .findOne();
            if (mergeBy.isEmpty()) {
                return ProxyFailover.NONE;
            }
            Map<ChannelId, List<ChannelId>> manual = new LinkedHashMap<>();
            h.createQuery("SELECT channel_id, alternate_id FROM proxy_channel_alternate WHERE proxy_id = :proxy"
                            + " ORDER BY channel_id, alternate_order")
                    .bind("proxy", proxy.toString())
                    .map((rs, ctx) -> {
                        manual.computeIfAbsent(ChannelId.parse(rs.getString(1)), c -> new ArrayList<>())
                                .add(ChannelId.parse(rs.getString(2)));
                        return 1;
                    })
                    .list();
            List<ChannelAlternates> entries = new ArrayList<>();
            manual.forEach((channel, alternates) -> entries.add(new ChannelAlternates(channel, alternates)));
            return new ProxyFailover(MergeBy.valueOf(mergeBy.get()), entries);
        });
    }

    @Override
    public void save(ProxyId proxy, ProxyFailover failover) {
        // delete and insert in one transaction: portable across the three databases' different upserts
        db.inTransaction(h -> {
            h.createUpdate("DELETE FROM proxy_channel_alternate WHERE proxy_id = :proxy")
                    .bind("proxy", proxy.toString())
                    .execute();
            h.createUpdate("DELETE FROM proxy_failover WHERE proxy_id = :proxy")
                    .bind("proxy", proxy.toString())
                    .execute();
            h.createUpdate("INSERT INTO proxy_failover (proxy_id, merge_by) VALUES (:proxy, :mergeBy)")
                    .bind("proxy", proxy.toString())
                    .bind("mergeBy", failover.mergeBy().name())
                    .execute();
            PreparedBatch batch = h.prepareBatch(
                    "INSERT INTO proxy_channel_alternate"
                            + " (proxy_id, channel_id, alternate_order, alternate_id) VALUES (:proxy, :channel, :at, :alternate)");
            for (ChannelAlternates entry : failover.manual()) {
                for (int i = 0; i < entry.alternates().size(); i++) {
                    batch.bind("proxy", proxy.toString())
                            .bind("channel", entry.channel().toString())
                            .bind("at", i)
                            .bind("alternate", entry.alternates().get(i).toString())
                            .add();
                }
            }
            if (batch.size() > 0) {
                batch.execute();
            }
            return null;
        });
    }
}
