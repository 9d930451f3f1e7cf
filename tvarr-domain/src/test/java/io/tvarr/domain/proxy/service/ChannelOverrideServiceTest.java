package io.tvarr.domain.proxy.service;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ListedOverride;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SetChannelOverrideCommand;
import io.tvarr.domain.proxy.port.out.ChannelOverrideRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ChannelOverrideServiceTest {
    private final StreamSource source = anM3uSource("provider");
    private final StreamSource elsewhere = anM3uSource("elsewhere");
    private final StreamProxy proxy = aProxy("living-room", source.id());
    private final Channel one =
            aChannel().from(source.id()).withKey("m3u:|/one").named("One").build();
    private final Channel foreign =
            aChannel().from(elsewhere.id()).withKey("m3u:|/x").named("X").build();
    private final List<Channel> stored = new ArrayList<>(List.of(one, foreign));
    private final Map<String, ChannelOverride> saved = new LinkedHashMap<>();
    private final ChannelOverrideService service = new ChannelOverrideService(
            new MapOverrides(), new OneProxy(), new ListedChannels(), Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    private SetChannelOverrideCommand rename(ChannelId channel, String name) {
        return new SetChannelOverrideCommand(proxy.id(), channel, name, null, null, null, null, false);
    }

    @Nested
    class Setting {
        @Test
        void stores_the_override_for_a_channel_of_the_proxys_sources() {
            service.set(rename(one.id(), "One HD"));

            assertThat(service.get(proxy.id(), one.id()).override().name()).isEqualTo("One HD");
        }

        @Test
        void a_channel_of_another_source_is_not_found() {
            assertThatThrownBy(() -> service.set(rename(foreign.id(), "X")))
                    .isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("not in any source of proxy 'living-room'");
            assertThat(saved).isEmpty();
        }

        @Test
        void keeps_the_channels_key_so_the_override_can_be_named_once_the_channel_is_gone() {
            service.set(rename(one.id(), "One HD"));

            assertThat(service.get(proxy.id(), one.id()).override().key())
                    .isEqualTo(new ChannelKey(source.id(), "m3u:|/one"));
        }

        @Test
        void by_key_stores_the_override_of_a_channel_the_source_does_not_give_yet() {
            ChannelKey later = new ChannelKey(source.id(), "m3u:|/later");

            service.setByKey(rename(later.channelId(), "Later"), later);

            ListedOverride listed = service.get(proxy.id(), later.channelId());
            assertThat(listed.orphaned()).isTrue();
            assertThat(listed.override().key()).isEqualTo(later);
        }

        @Test
        void by_key_refuses_a_source_that_is_not_the_proxys() {
            ChannelKey other = new ChannelKey(elsewhere.id(), "m3u:|/x");

            assertThatThrownBy(() -> service.setByKey(rename(other.channelId(), "X"), other))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("is not a source of proxy 'living-room'");
            assertThat(saved).isEmpty();
        }

        @Test
        void by_key_refuses_a_channel_that_is_not_the_keys() {
            ChannelKey key = new ChannelKey(source.id(), "m3u:|/later");

            assertThatThrownBy(() -> service.setByKey(rename(one.id(), "X"), key))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("not the channel of key m3u:|/later");
        }

        @Test
        void an_unknown_proxy_is_not_found() {
            assertThatThrownBy(() -> service.set(new SetChannelOverrideCommand(
                            ProxyId.random(), one.id(), "A", null, null, null, null, false)))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Listing {
        @Test
        void an_override_whose_channel_left_every_source_is_listed_orphaned_and_kept() {
            service.set(rename(one.id(), "One HD"));
            stored.remove(one);

            List<ListedOverride> listed = service.list(proxy.id());

            assertThat(listed).singleElement().satisfies(o -> {
                assertThat(o.orphaned()).isTrue();
                assertThat(o.channelName()).isNull();
                assertThat(o.override().name()).isEqualTo("One HD");
            });
            assertThat(saved).hasSize(1);
        }

        @Test
        void an_override_of_a_present_channel_is_not_orphaned() {
            service.set(rename(one.id(), "One HD"));

            assertThat(service.list(proxy.id())).singleElement().satisfies(o -> {
                assertThat(o.orphaned()).isFalse();
                assertThat(o.channelName()).isEqualTo("One");
            });
        }
    }

    @Test
    void removing_a_missing_override_is_not_found() {
        assertThatThrownBy(() -> service.remove(proxy.id(), one.id())).isInstanceOf(NotFoundException.class);
    }

    private final class MapOverrides implements ChannelOverrideRepository {
        @Override
        public void save(ChannelOverride override) {
            saved.put(override.proxy() + "/" + override.channel(), override);
        }

        @Override
        public Optional<ChannelOverride> find(ProxyId p, ChannelId c) {
            return Optional.ofNullable(saved.get(p + "/" + c));
        }

        @Override
        public List<ChannelOverride> findAllByProxy(ProxyId p) {
            return saved.values().stream().filter(o -> o.proxy().equals(p)).toList();
        }

        @Override
        public boolean delete(ProxyId p, ChannelId c) {
            return saved.remove(p + "/" + c) != null;
        }
    }

    private final class OneProxy implements StreamProxyRepository {
        @Override
        public void insert(StreamProxy p) {}

        @Override
        public void update(StreamProxy p) {}

        @Override
        public boolean delete(ProxyId id) {
            return false;
        }

        @Override
        public Optional<StreamProxy> findById(ProxyId id) {
            return id.equals(proxy.id()) ? Optional.of(proxy) : Optional.empty();
        }

        @Override
        public Optional<StreamProxy> findBySlug(String slug) {
            return Optional.empty();
        }

        @Override
        public List<StreamProxy> findAll() {
            return List.of(proxy);
        }

        @Override
        public List<StreamProxy> findUsingSource(SourceId s) {
            return List.of();
        }

        @Override
        public List<StreamProxy> findUsingGuide(EpgSourceId guide) {
            return List.of();
        }
    }

    private final class ListedChannels implements ChannelRepository {
        @Override
        public long replaceAllForSource(SourceId s, Consumer<ChannelSink> writer) {
            return 0;
        }

        @Override
        public void forEachBySource(SourceId s, Consumer<Channel> consumer) {
            stored.stream().filter(c -> c.sourceId().equals(s)).forEach(consumer);
        }

        @Override
        public Optional<Channel> findById(ChannelId id) {
            return stored.stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public long countBySource(SourceId s) {
            return 0;
        }

        @Override
        public Page<Channel> findPage(ChannelQuery query) {
            return new Page<>(List.of(), 0, 0, 0);
        }

        @Override
        public List<GroupCount> groups(@Nullable SourceId s) {
            return List.of();
        }
    }
}
