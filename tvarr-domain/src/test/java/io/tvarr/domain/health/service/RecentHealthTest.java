package io.tvarr.domain.health.service;

import static io.tvarr.domain.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.InMemoryChannels;
import io.tvarr.domain.health.InMemoryStreamHealth;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.source.SourceId;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentHealthTest {
    private final SourceId source = SourceId.random();
    private final ChannelId dead = ChannelId.of(source, "dead");
    private final ChannelId stale = ChannelId.of(source, "stale");
    private final ChannelId fine = ChannelId.of(source, "fine");
    private final ChannelId unchecked = ChannelId.of(source, "unchecked");
    private final InMemoryStreamHealth health = new InMemoryStreamHealth(new InMemoryChannels());
    private final RecentHealth recent =
            new RecentHealth(health, Duration.ofHours(6), Clock.fixed(T0.plus(Duration.ofHours(7)), ZoneOffset.UTC));

    @Test
    void only_streams_found_broken_within_the_trusted_window_count_as_broken() {
        health.record(StreamHealth.broken(dead, source, "dead", "404", T0.plus(Duration.ofHours(2))));
        health.record(StreamHealth.broken(stale, source, "stale", "404", T0));
        health.record(StreamHealth.working(fine, source, "fine", "h264", "aac", T0.plus(Duration.ofHours(6))));

        assertThat(recent.knownBroken(List.of(dead, stale, fine, unchecked))).containsExactly(dead);
    }
}
