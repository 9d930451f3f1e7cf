package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.LastKnownCodec;
import java.util.Optional;

/** Caches probe results per channel. */
public interface LastKnownCodecRepository {
    void upsert(LastKnownCodec codec);

    Optional<LastKnownCodec> findByChannel(ChannelId channel);
}
