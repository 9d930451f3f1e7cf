package io.tvarr.domain.proxy.service;

import static io.tvarr.domain.TestData.aProxy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.job.service.InMemoryStreamProxies;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase.ImportedManualChannels;
import io.tvarr.domain.proxy.port.in.SaveManualChannelCommand;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ManualChannelServiceTest {
    private final StreamProxy proxy = aProxy("living-room");
    private final InMemoryStreamProxies proxies = new InMemoryStreamProxies();
    private final MapManualChannels stored = new MapManualChannels();
    private final ManualChannelService service =
            new ManualChannelService(stored, proxies, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

    ManualChannelServiceTest() {
        proxies.insert(proxy);
    }

    private SaveManualChannelCommand news(String url) {
        return new SaveManualChannelCommand(
                proxy.id(), "Local News", url, "news.local", "https://logos.example/news.png", "Local", 501, "news.uk");
    }

    @Nested
    class Adding {
        @Test
        void stores_a_channel_with_every_value_in_the_proxys_pseudo_source() {
            ManualChannel added = service.add(news("https://cdn.example/news.m3u8"));

            assertThat(service.list(proxy.id())).containsExactly(added);
            Channel channel = added.toChannel();
            assertThat(channel.id()).isEqualTo(added.id());
            assertThat(channel.sourceId()).isEqualTo(ManualChannel.sourceIdOf(proxy.id()));
            assertThat(channel.tvgChno()).isEqualTo("501");
            assertThat(channel.tvgId()).isEqualTo("news.local");
            assertThat(channel.streamUrl()).isEqualTo("https://cdn.example/news.m3u8");
        }

        @Test
        void keeps_the_id_through_an_edit() {
            ManualChannel added = service.add(news("https://cdn.example/news.m3u8"));

            ManualChannel edited = service.update(
                    added.id(), SaveManualChannelCommand.of(proxy.id(), "News 24", "https://cdn.example/24.ts"));

            assertThat(edited.id()).isEqualTo(added.id());
            assertThat(service.get(proxy.id(), added.id()).name()).isEqualTo("News 24");
            assertThat(service.get(proxy.id(), added.id()).number()).isNull();
        }

        @Test
        void put_adds_under_the_given_id_after_the_others() {
            ManualChannel first = service.add(news("https://cdn.example/news.m3u8"));
            ChannelId given = new ChannelId(java.util.UUID.randomUUID());

            ManualChannel put = service.put(given, news("https://cdn.example/other.m3u8"));

            assertThat(put.id()).isEqualTo(given);
            assertThat(service.list(proxy.id())).extracting(ManualChannel::id).containsExactly(first.id(), given);
        }

        @Test
        void put_updates_the_channel_the_proxy_has_under_that_id_in_its_place() {
            ManualChannel first = service.add(news("https://cdn.example/news.m3u8"));
            service.add(news("https://cdn.example/other.m3u8"));

            service.put(first.id(), SaveManualChannelCommand.of(proxy.id(), "News 24", "https://cdn.example/24.ts"));

            assertThat(service.list(proxy.id()).get(0))
                    .satisfies(m -> assertThat(m.id()).isEqualTo(first.id()))
                    .satisfies(m -> assertThat(m.name()).isEqualTo("News 24"));
        }

        @Test
        void refuses_a_file_url_naming_the_field() {
            assertThatThrownBy(() -> service.add(SaveManualChannelCommand.of(proxy.id(), "x", "file:///etc/passwd")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("streamUrl:");
        }

        @Test
        void refuses_a_url_of_another_scheme_or_with_a_line_break() {
            assertThatThrownBy(() -> service.add(SaveManualChannelCommand.of(proxy.id(), "x", "javascript:alert(1)")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("expected: an http, https or file URL");
            assertThatThrownBy(() -> service.add(
                            SaveManualChannelCommand.of(proxy.id(), "x", "http://a.example/x\r\n#EXTINF:-1,evil")))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("streamUrl:");
            assertThat(stored.rows).isEmpty();
        }

        @Test
        void refuses_a_number_out_of_range() {
            assertThatThrownBy(() -> service.add(new SaveManualChannelCommand(
                            proxy.id(), "x", "http://a.example/x", null, null, null, 0, null)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("number: 0 (expected: 1-9999999)");
        }

        @Test
        void an_unknown_proxy_is_not_found() {
            assertThatThrownBy(
                            () -> service.add(SaveManualChannelCommand.of(ProxyId.random(), "x", "http://a.example/")))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void removing_an_unknown_channel_is_not_found() {
            assertThatThrownBy(
                            () -> service.remove(proxy.id(), ChannelId.parse("00000000-0000-0000-0000-000000000001")))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Nested
    class Importing {
        private static final String PLAYLIST = """
                #EXTM3U
                #EXTINF:-1 tvg-id="one.uk" tvg-chno="7" tvg-logo="https://l.example/1.png" group-title="UK",One, the first
                http://iptv.example/1.ts

                #EXTINF:-1,Two
                #EXTGRP:Extra
                http://iptv.example/2.ts
                """;

        @Test
        void adds_every_entry_in_order_with_its_attributes() {
            ImportedManualChannels result = service.importM3u(proxy.id(), new StringReader(PLAYLIST));

            assertThat(result).isEqualTo(new ImportedManualChannels(2, 0));
            List<ManualChannel> list = service.list(proxy.id());
            assertThat(list).extracting(ManualChannel::name).containsExactly("One, the first", "Two");
            assertThat(list.get(0).tvgId()).isEqualTo("one.uk");
            assertThat(list.get(0).number()).isEqualTo(7);
            assertThat(list.get(0).group()).isEqualTo("UK");
            assertThat(list.get(1).group()).isEqualTo("Extra");
        }

        @Test
        void an_entry_with_a_stored_stream_url_updates_that_channel_and_keeps_its_id() {
            ManualChannel before =
                    service.add(SaveManualChannelCommand.of(proxy.id(), "Old", "http://iptv.example/2.ts"));

            ImportedManualChannels result = service.importM3u(proxy.id(), new StringReader(PLAYLIST));

            assertThat(result).isEqualTo(new ImportedManualChannels(1, 1));
            assertThat(service.get(proxy.id(), before.id()).name()).isEqualTo("Two");
            assertThat(service.list(proxy.id())).hasSize(2);
        }

        @Test
        void a_mistake_names_its_line_and_stores_nothing() {
            String broken = PLAYLIST + "#EXTINF:-1 tvg-id=\"x,Three\nhttp://iptv.example/3.ts\n";

            assertThatThrownBy(() -> service.importM3u(proxy.id(), new StringReader(broken)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("line 8: attribute 'tvg-id' value not closed");
            assertThat(stored.rows).isEmpty();
        }

        @Test
        void a_hostile_stream_url_names_its_line() {
            String hostile = "#EXTM3U\n#EXTINF:-1,Evil\nfile:///etc/shadow\n";

            assertThatThrownBy(() -> service.importM3u(proxy.id(), new StringReader(hostile)))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("line 3: streamUrl:");
        }

        @Test
        void a_url_without_extinf_or_an_extinf_without_url_names_the_line() {
            assertThatThrownBy(() -> service.importM3u(proxy.id(), new StringReader("#EXTM3U\nhttp://a.example/\n")))
                    .hasMessageStartingWith("line 2: stream URL without an #EXTINF");
            assertThatThrownBy(() -> service.importM3u(proxy.id(), new StringReader("#EXTM3U\n#EXTINF:-1,A\n")))
                    .hasMessage("line 2: #EXTINF without a stream URL after it");
            assertThatThrownBy(() -> service.importM3u(
                            proxy.id(), new StringReader("#EXTINF:-1 tvg-chno=\"five\",A\nhttp://a.example/\n")))
                    .hasMessageStartingWith("line 1: tvg-chno 'five'");
        }

        @Test
        void an_export_reads_back_as_the_same_channels() {
            service.add(news("https://cdn.example/news.m3u8"));
            service.importM3u(proxy.id(), new StringReader(PLAYLIST));
            StringWriter exported = new StringWriter();
            service.exportM3u(proxy.id(), exported);
            StreamProxy other = aProxy("kitchen");
            proxies.insert(other);

            service.importM3u(other.id(), new StringReader(exported.toString()));

            assertThat(service.list(other.id()))
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "proxy")
                    .isEqualTo(service.list(proxy.id()));
        }
    }

    /** A map standing in for the store. */
    private static final class MapManualChannels implements ManualChannelRepository {
        final Map<ChannelId, ManualChannel> rows = new LinkedHashMap<>();

        @Override
        public void saveAll(List<ManualChannel> channels) {
            channels.forEach(c -> rows.put(c.id(), c));
        }

        @Override
        public Optional<ManualChannel> find(ProxyId proxy, ChannelId channel) {
            return Optional.ofNullable(rows.get(channel)).filter(c -> c.proxy().equals(proxy));
        }

        @Override
        public List<ManualChannel> findAllByProxy(ProxyId proxy) {
            return rows.values().stream()
                    .filter(c -> c.proxy().equals(proxy))
                    .sorted(Comparator.comparingInt(ManualChannel::position))
                    .toList();
        }

        @Override
        public boolean delete(ProxyId proxy, ChannelId channel) {
            return find(proxy, channel).isPresent() && rows.remove(channel) != null;
        }
    }
}
