package io.tvarr.domain.channel.port.out;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import java.util.Optional;

/**
 * Remembers the key of channels a user's settings name by id only (hand-listed alternates), so they can still be
 * named once their channel is gone, or before their source's first refresh. Never forgets: a key is a few bytes and
 * the same id always has the same key. Implementations are thread-safe.
 */
public interface ChannelKeyRepository {
    /** Stores the key under its channel's id; one already stored stays. */
    void remember(ChannelKey key);

    Optional<ChannelKey> find(ChannelId channel);
}
