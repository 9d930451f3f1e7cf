package io.tvarr.persistence.channel;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.channel.port.out.ChannelKeyRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.Upserts;
import java.util.List;
import java.util.Optional;

/**
 * Channel keys in table {@code channel_key} (V27), one row per channel id, never updated: an id is a hash of its key.
 * No foreign key to {@code channel}, whose rows every refresh replaces. Remembering is one insert that leaves a
 * stored row alone, so two instances remembering one new key at once both succeed.
 */
public final class JdbiChannelKeyRepository implements ChannelKeyRepository {
    private final Database db;
    private final String insert;

    public JdbiChannelKeyRepository(Database db) {
        this.db = db;
        this.insert = Upserts.insertIfAbsent(
                db.vendor(), "channel_key", List.of("channel_id"), List.of("channel_id", "source_id", "external_key"));
    }

    @Override
    public void remember(ChannelKey key) {
        db.withHandle(h -> h.createUpdate(insert)
                .bind("channel_id", key.channelId().toString())
                .bind("source_id", key.source().toString())
                .bind("external_key", key.externalKey())
                .execute());
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
