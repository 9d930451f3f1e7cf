package io.tvarr.persistence.channel;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.channel.port.out.ChannelKeyRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.persistence.sql.Database;
import java.util.Optional;

/**
 * Channel keys in table {@code channel_key} (V27), one row per channel id, never updated: an id is a hash of its key.
 * No foreign key to {@code channel}, whose rows every refresh replaces.
 */
public final class JdbiChannelKeyRepository implements ChannelKeyRepository {
    private final Database db;

    public JdbiChannelKeyRepository(Database db) {
        this.db = db;
    }

    @Override
    public void remember(ChannelKey key) {
        String id = key.channelId().toString();
        // insert when absent, in one transaction: portable across the three databases' different upserts
        db.inTransaction(h -> {
            boolean known = h.createQuery("SELECT COUNT(*) FROM channel_key WHERE channel_id = :id")
                            .bind("id", id)
                            .mapTo(Integer.class)
                            .one()
                    > 0;
            if (!known) {
                h.createUpdate("INSERT INTO channel_key (channel_id, source_id, external_key)"
                                + " VALUES (:id, :source, :key)")
                        .bind("id", id)
                        .bind("source", key.source().toString())
                        .bind("key", key.externalKey())
                        .execute();
            }
            return null;
        });
    }

    @Override
    public Optional<ChannelKey> find(ChannelId channel) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT source_id, external_key FROM channel_key WHERE channel_id = :id")
                .bind("id", channel.toString())
                .map((rs, ctx) ->
                        new ChannelKey(SourceId.parse(rs.getString("source_id")), rs.getString("external_key")))
                .findOne());
    }
}
