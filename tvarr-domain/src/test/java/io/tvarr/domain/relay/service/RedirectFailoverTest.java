package io.tvarr.domain.relay.service;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.LastKnownCodecRepository;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Redirect delivery gives the player the first of a channel's streams whose upstream host is not failing. */
class RedirectFailoverTest {
    private final SourceId accountA = SourceId.random();
    private final SourceId accountB = SourceId.random();
    private final StreamProxy proxy = aProxy("news", accountA, accountB);
    private final Channel own = aChannel()
            .from(accountA)
            .named("News")
            .withUrl("http://a.example:8080/news.ts")
            .build();
    private final Channel alternate = aChannel()
            .from(accountB)
            .named("News")
            .withUrl("http://b.example/news.ts")
            .build();
    private final List<UpstreamHealth> hosts = new ArrayList<>();
    private Set<ChannelId> broken = Set.of();
    private final PlayChannelService service = new PlayChannelService(
            unused(ManageProxiesUseCase.class, proxy),
            unused(StreamSourceRepository.class, null),
            (p, c) -> List.of(own, alternate),
            new RelayProfileChoice(
                    unused(RelayProfileRepository.class, null),
                    unused(LastKnownCodecRepository.class, null),
                    Clock.systemUTC(),
                    Duration.ofDays(1)),
            new Breakers(),
            channels -> broken);

    private Playback play() {
        return service.play(
                new PlayChannelCommand("news", own.id().toString(), new ClientInfo("10.0.0.2", "player"), false));
    }

    @Test
    void the_next_stream_when_a_recent_check_found_the_channels_own_broken() {
        hosts.add(new UpstreamHealth("a.example:8080", "closed", 0));
        broken = Set.of(own.id());

        assertThat(play()).isEqualTo(new Playback.Redirect(alternate.streamUrl()));
    }

    @Test
    void a_stream_found_broken_still_when_every_other_host_is_failing() {
        hosts.add(new UpstreamHealth("b.example", "open", 0));
        broken = Set.of(own.id());

        assertThat(play()).isEqualTo(new Playback.Redirect(own.streamUrl()));
    }

    @Test
    void the_channels_own_stream_while_its_host_is_healthy() {
        hosts.add(new UpstreamHealth("a.example:8080", "closed", 0));

        assertThat(play()).isEqualTo(new Playback.Redirect(own.streamUrl()));
    }

    @Test
    void the_next_stream_when_the_hosts_circuit_breaker_is_open() {
        hosts.add(new UpstreamHealth("a.example:8080", "open", 0));

        assertThat(play()).isEqualTo(new Playback.Redirect(alternate.streamUrl()));
    }

    @Test
    void the_channels_own_stream_when_every_host_is_failing() {
        hosts.add(new UpstreamHealth("a.example:8080", "open", 0));
        hosts.add(new UpstreamHealth("b.example", "open", 0));

        assertThat(play()).isEqualTo(new Playback.Redirect(own.streamUrl()));
    }

    /** A port this path must not use, except {@code find} answering {@code found}. */
    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> type, Object found) {
        return (T) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            if (m.getName().equals("find") && found != null) {
                return found;
            }
            throw new UnsupportedOperationException(m.getName() + " is not used by redirect delivery");
        });
    }

    /** The relay as redirect delivery sees it: only its hosts' breakers. */
    private final class Breakers implements StreamRelay {
        @Override
        public StreamSubscription subscribe(FailoverStreams streams, ClientInfo client) {
            throw new UnsupportedOperationException("redirect delivery opens no stream");
        }

        @Override
        public List<RelaySessionInfo> sessions() {
            return List.of();
        }

        @Override
        public boolean stop(String sessionId) {
            return false;
        }

        @Override
        public List<UpstreamHealth> upstreams() {
            return hosts;
        }

        @Override
        public Map<String, Integer> sourceUse() {
            return Map.of();
        }
    }
}
