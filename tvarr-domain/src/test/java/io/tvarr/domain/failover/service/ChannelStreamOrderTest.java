package io.tvarr.domain.failover.service;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.MergeBy;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import io.tvarr.domain.source.SourceId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ChannelStreamOrderTest {
    private final SourceId accountA = SourceId.random();
    private final SourceId accountB = SourceId.random();
    private final SourceId elsewhere = SourceId.random();
    private final StreamProxy proxy = aProxy("news", accountA, accountB);
    private final Channel news = aChannel().from(accountA).named("News").build();
    private final Channel newsB = aChannel().from(accountB).named("News B").build();
    private final Channel newsC = aChannel().from(accountB).named("News C").build();
    private final Channel foreign = aChannel().from(elsewhere).named("News X").build();
    private final Map<ChannelId, Channel> stored = new HashMap<>();
    private final Map<ProxyId, ProxyFailover> settings = new HashMap<>();
    private final Map<ChannelId, List<ChannelId>> merged = new HashMap<>();
    private final ChannelStreamOrder order =
            new ChannelStreamOrder(new Channels(), new Settings(), (p, c) -> merged.getOrDefault(c, List.of()));

    ChannelStreamOrderTest() {
        List.of(news, newsB, newsC, foreign).forEach(c -> stored.put(c.id(), c));
    }

    @Test
    void a_manual_channel_of_the_proxy_is_a_stream_and_an_alternate_like_any_other() {
        ManualChannel mine = new ManualChannel(
                new ChannelId(UUID.randomUUID()),
                proxy.id(),
                "My News",
                "https://cdn.example/news.m3u8",
                null,
                null,
                null,
                null,
                null,
                0,
                java.time.Instant.EPOCH);
        ManualChannel otherProxys = new ManualChannel(
                new ChannelId(UUID.randomUUID()),
                ProxyId.random(),
                "Theirs",
                "https://cdn.example/theirs.m3u8",
                null,
                null,
                null,
                null,
                null,
                0,
                java.time.Instant.EPOCH);
        ChannelStreamOrder withManual = new ChannelStreamOrder(
                new Channels(), new Settings(), (p, c) -> merged.getOrDefault(c, List.of()), new OneManual(mine));
        merged.put(news.id(), List.of(mine.id(), otherProxys.id()));

        assertThat(withManual.streams(proxy, mine.id().toString())).containsExactly(mine.toChannel());
        assertThat(withManual.streams(proxy, news.id().toString())).containsExactly(news, mine.toChannel());
    }

    @Test
    void a_channel_without_alternates_is_its_one_stream() {
        assertThat(order.streams(proxy, news.id().toString())).containsExactly(news);
    }

    @Test
    void alternates_by_hand_come_before_merged_ones_and_none_twice() {
        settings.put(
                proxy.id(),
                new ProxyFailover(MergeBy.NONE, List.of(new ChannelAlternates(news.id(), List.of(newsC.id())))));
        merged.put(news.id(), List.of(newsB.id(), newsC.id()));

        assertThat(order.streams(proxy, news.id().toString())).containsExactly(news, newsC, newsB);
    }

    @Test
    void alternates_outside_the_proxys_sources_or_gone_are_left_out() {
        ChannelId gone = ChannelId.of(accountB, "gone");
        settings.put(
                proxy.id(),
                new ProxyFailover(
                        MergeBy.NONE,
                        List.of(new ChannelAlternates(news.id(), List.of(foreign.id(), gone, newsB.id())))));

        assertThat(order.streams(proxy, news.id().toString())).containsExactly(news, newsB);
    }

    @Test
    void a_channel_outside_the_proxy_is_not_found() {
        assertThatThrownBy(() -> order.streams(proxy, foreign.id().toString()))
                .isInstanceOf(NotFoundException.class)
                .hasMessageContaining("not found in proxy 'news'");
    }

    private final class Settings implements ProxyFailoverRepository {
        @Override
        public ProxyFailover find(ProxyId proxy) {
            return settings.getOrDefault(proxy, ProxyFailover.NONE);
        }

        @Override
        public void save(ProxyId proxy, ProxyFailover failover) {
            settings.put(proxy, failover);
        }
    }

    private final class Channels implements ChannelRepository {
        @Override
        public long replaceAllForSource(SourceId source, Consumer<ChannelSink> writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachBySource(SourceId source, Consumer<Channel> consumer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Channel> findById(ChannelId id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public long countBySource(SourceId source) {
            return 0;
        }

        @Override
        public Page<Channel> findPage(ChannelQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<GroupCount> groups(@Nullable SourceId source) {
            return List.of();
        }
    }

    /** One manual channel, of its proxy only. */
    private record OneManual(ManualChannel channel) implements ManualChannelRepository {
        @Override
        public void saveAll(List<ManualChannel> channels) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<ManualChannel> find(ProxyId proxy, ChannelId id) {
            return Optional.of(channel).filter(c -> c.proxy().equals(proxy) && c.id().equals(id));
        }

        @Override
        public List<ManualChannel> findAllByProxy(ProxyId proxy) {
            return channel.proxy().equals(proxy) ? List.of(channel) : List.of();
        }

        @Override
        public boolean delete(ProxyId proxy, ChannelId id) {
            throw new UnsupportedOperationException();
        }
    }
}
