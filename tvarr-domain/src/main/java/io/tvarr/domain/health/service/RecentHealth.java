package io.tvarr.domain.health.service;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.health.port.in.FindBrokenStreamsUseCase;
import io.tvarr.domain.health.port.out.StreamHealthRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Broken streams as failover sees them: a check's "broken" is trusted for a while, after which the stream is tried in
 * its place again (providers fix streams, and a stale verdict must not hide one for ever).
 */
public final class RecentHealth implements FindBrokenStreamsUseCase {
    private final StreamHealthRepository health;
    private final Duration trusted;
    private final Clock clock;

    /** @param trusted how long after a check a "broken" still counts */
    public RecentHealth(StreamHealthRepository health, Duration trusted, Clock clock) {
        this.health = health;
        this.trusted = trusted;
        this.clock = clock;
    }

    @Override
    public Set<ChannelId> knownBroken(Collection<ChannelId> channels) {
        if (channels.isEmpty()) {
            return Set.of();
        }
        Instant since = clock.instant().minus(trusted);
        Set<ChannelId> broken = new HashSet<>();
        for (StreamHealth result : health.findByChannels(channels)) {
            if (result.brokenSince(since)) {
                broken.add(result.channel());
            }
        }
        return Set.copyOf(broken);
    }
}
