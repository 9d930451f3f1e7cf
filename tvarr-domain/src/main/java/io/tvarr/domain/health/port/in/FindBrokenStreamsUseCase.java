package io.tvarr.domain.health.port.in;

import io.tvarr.domain.channel.ChannelId;
import java.util.Collection;
import java.util.Set;

/** Which of a channel's streams a recent check found broken, for failover to try them last. */
@FunctionalInterface
public interface FindBrokenStreamsUseCase {
    /** Those of {@code channels} whose last check, recent enough to trust, found them broken. */
    Set<ChannelId> knownBroken(Collection<ChannelId> channels);
}
