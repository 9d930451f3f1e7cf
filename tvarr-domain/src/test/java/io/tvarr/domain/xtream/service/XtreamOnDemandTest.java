package io.tvarr.domain.xtream.service;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.aProxy;
import static io.tvarr.domain.TestData.anXtreamSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.account.OutputUserId;
import io.tvarr.domain.account.port.in.Login;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.job.service.InMemoryStreamProxies;
import io.tvarr.domain.job.service.InMemoryStreamSources;
import io.tvarr.domain.output.OutputGrant;
import io.tvarr.domain.output.port.in.AuthorizeOutputUseCase;
import io.tvarr.domain.output.port.in.OutputRequest;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.FileRelay;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamPlay;
import io.tvarr.domain.xtream.XtreamVodIds;
import io.tvarr.domain.xtream.port.in.PlayXtreamTimeshiftCommand;
import io.tvarr.domain.xtream.port.in.PlayXtreamVodCommand;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class XtreamOnDemandTest {
    private static final ClientInfo CLIENT = new ClientInfo("10.0.0.2", "TiviMate");

    private final StreamSource panel = anXtreamSource("Panel");
    private final StreamProxy redirect = aProxy("living-room", panel.id());
    private final OutputUser alice = new OutputUser(OutputUserId.random(), redirect.id(), "alice", "hash", null, 1, T0);
    private final InMemoryStreamProxies proxies = new InMemoryStreamProxies();
    private final InMemoryStreamSources sources = new InMemoryStreamSources();
    private final InMemoryVod vod = new InMemoryVod();
    private final Map<ChannelId, Channel> channels = new HashMap<>();
    private final Map<Integer, XtreamChannel> lineup = new HashMap<>();
    private final RecordingRelay relay = new RecordingRelay();
    private final RecordingFiles files = new RecordingFiles();
    private final XtreamAccounts accounts = new XtreamAccounts(
            (username, password) -> password.equals("secret1") ? new Login.Granted(alice) : new Login.Refused(),
            new Lineup(),
            command -> {
                throw new AssertionError("no live channel here");
            },
            new Everyone(),
            java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC),
            java.time.Duration.ZERO);
    private final XtreamOnDemand onDemand = new XtreamOnDemand(
            accounts,
            new XtreamVodCatalogue(proxies, vod),
            new Lineup(),
            proxies,
            sources,
            new Channels(),
            relay,
            files);

    XtreamOnDemandTest() {
        proxies.insert(redirect);
        sources.insert(panel);
        vod.replaceAllForSource(panel.id(), sink -> {
            sink.movie(new VodMovie(panel.id(), "18253", "Film", null, null, "mkv", "{}"));
            sink.movie(new VodMovie(panel.id(), "2", "Other film", null, null, "mp4", "{}"));
            sink.episode(new VodEpisode(panel.id(), "10", "1001", 1, 1, "Pilot", null, "{}"));
        });
    }

    @Test
    void a_movie_of_a_redirect_proxy_is_sent_to_the_panels_movie_url() {
        XtreamPlay play = onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "18253")));

        assertThat(play)
                .isEqualTo(new XtreamPlay.Playing(
                        new Playback.Redirect("http://panel.example:8080/movie/user/secret/18253.mkv")));
    }

    @Nested
    class A_relaying_proxy {
        A_relaying_proxy() {
            relayed();
        }

        @Test
        void fetches_a_movie_from_the_panel_with_the_players_range_within_the_providers_limit() throws Exception {
            Playback.File film = file(onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "18253"))));

            try (RelayedFile part = film.open(new FileRequest("bytes=6-", false))) {
                assertThat(part.status()).isEqualTo(206);
                assertThat(part.headers()).containsEntry("Content-Range", "bytes 6-10/11");
                assertThat(new String(part.body().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("bytes");
            }
            assertThat(film.contentType()).isEqualTo("video/x-matroska");
            FileRelayCall call = files.calls.get(0);
            assertThat(call.request().range()).isEqualTo("bytes=6-");
            assertThat(call.plan().upstreamUrl()).isEqualTo("http://panel.example:8080/movie/user/secret/18253.mkv");
            assertThat(call.plan().sourceLimit()).isEqualTo(2);
            assertThat(call.plan().source()).isEqualTo(panel.id());
            assertThat(call.plan().headers()).containsEntry("User-Agent", "tvarr-test");
            assertThat(call.plan().profile()).isNull();
        }

        @Test
        void counts_one_players_overlapping_requests_on_one_movie_as_one_connection() {
            Playback.File film = file(onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "18253"))));
            RelayedFile first = film.open(new FileRequest("bytes=0-", false));

            XtreamPlay seek = onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "18253")));
            RelayedFile second = file(seek).open(new FileRequest("bytes=6-", false));
            XtreamPlay episode = onDemand.play(new PlayXtreamVodCommand(
                    "alice",
                    "secret1",
                    PlayXtreamVodCommand.Kind.EPISODE,
                    XtreamVodIds.episode(panel.id(), "1001"),
                    CLIENT));

            assertThat(episode)
                    .as("alice may hold one connection, and her movie holds it")
                    .isEqualTo(new XtreamPlay.LimitReached("alice", 1));
            assertThat(files.calls.get(0).plan().sessionKey())
                    .as("the relay shares one provider connection between them too")
                    .isEqualTo(files.calls.get(1).plan().sessionKey());
            first.close();
            assertThat(onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "2"))))
                    .isInstanceOf(XtreamPlay.LimitReached.class);
            second.close();
            assertThat(accounts.logIn("alice", "secret1"))
                    .isEqualTo(new io.tvarr.domain.xtream.XtreamLogin.Granted(alice, 0));
        }

        @Test
        void counts_another_players_request_on_the_same_movie_as_another_connection() {
            file(onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "18253"))))
                    .open(FileRequest.whole());

            XtreamPlay other = onDemand.play(new PlayXtreamVodCommand(
                    "alice",
                    "secret1",
                    PlayXtreamVodCommand.Kind.MOVIE,
                    XtreamVodIds.movie(panel.id(), "18253"),
                    new ClientInfo("10.0.0.3", "VLC")));

            assertThat(other).isEqualTo(new XtreamPlay.LimitReached("alice", 1));
        }

        @Test
        void streams_a_timeshift_window_through_the_relay_in_a_session_of_its_own() throws Exception {
            listed(aChannel()
                    .from(panel.id())
                    .named("News")
                    .withKey("live:5")
                    .withAttribute("catchup", "xc")
                    .withAttribute("xtream-stream-id", "5")
                    .build());
            Playback.Stream first = (Playback.Stream)
                    ((XtreamPlay.Playing) onDemand.play(timeshift(60, "2026-01-01:20-00"))).playback();
            Playback.Stream second = (Playback.Stream)
                    ((XtreamPlay.Playing) onDemand.play(timeshift(60, "2026-01-01:20-00"))).playback();
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            first.transferTo(out, () -> {});
            second.transferTo(new ByteArrayOutputStream(), () -> {});

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("movie bytes");
            assertThat(relay.plans.get(0).upstreamUrl())
                    .isEqualTo("http://panel.example:8080/timeshift/user/secret/60/2026-01-01:20-00/5.ts");
            assertThat(relay.plans.get(0).sessionKey())
                    .as("players never join each other's recording")
                    .isNotEqualTo(relay.plans.get(1).sessionKey());
        }

        @Test
        void releases_the_users_connection_when_the_upstream_refuses_the_file() {
            files.refuse = true;
            Playback.File film = file(onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "18253"))));

            assertThatThrownBy(() -> film.open(FileRequest.whole())).isInstanceOf(UnavailableException.class);

            assertThat(accounts.logIn("alice", "secret1"))
                    .isEqualTo(new io.tvarr.domain.xtream.XtreamLogin.Granted(alice, 0));
        }
    }

    @Test
    void an_episode_plays_from_the_panels_series_path_as_mp4_when_the_panel_names_no_container() {
        XtreamPlay play = onDemand.play(new PlayXtreamVodCommand(
                "alice",
                "secret1",
                PlayXtreamVodCommand.Kind.EPISODE,
                XtreamVodIds.episode(panel.id(), "1001"),
                CLIENT));

        assertThat(play)
                .isEqualTo(new XtreamPlay.Playing(
                        new Playback.Redirect("http://panel.example:8080/series/user/secret/1001.mp4")));
    }

    @Test
    void a_wrong_password_is_refused_and_an_unknown_movie_is_not_found() {
        assertThat(onDemand.play(movie("wrong", XtreamVodIds.movie(panel.id(), "18253"))))
                .isEqualTo(new XtreamPlay.Refused());
        assertThatThrownBy(() -> onDemand.play(movie("secret1", 7)))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("movie 7: not found");
    }

    @Test
    void a_movie_of_a_proxy_with_vod_switched_off_is_not_found() {
        proxies.update(with(DeliveryMode.REDIRECT, false));

        assertThatThrownBy(() -> onDemand.play(movie("secret1", XtreamVodIds.movie(panel.id(), "18253"))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void timeshift_of_a_catch_up_channel_asks_the_panel_for_its_archive() {
        listed(aChannel()
                .from(panel.id())
                .named("News")
                .withKey("live:5")
                .withAttribute("catchup", "xc")
                .withAttribute("xtream-stream-id", "5")
                .build());

        XtreamPlay play = onDemand.play(timeshift(60, "2026-01-01:20-00"));

        assertThat(play)
                .isEqualTo(new XtreamPlay.Playing(new Playback.Redirect(
                        "http://panel.example:8080/timeshift/user/secret/60/2026-01-01:20-00/5.ts")));
    }

    @Test
    void timeshift_of_a_channel_without_catch_up_is_not_found() {
        listed(aChannel()
                .from(panel.id())
                .named("News")
                .withKey("live:5")
                .withAttribute("xtream-stream-id", "5")
                .build());

        assertThatThrownBy(() -> onDemand.play(timeshift(60, "2026-01-01:20-00")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("stream 77: its source offers no catch-up (timeshift) for it");
    }

    @Test
    void a_timeshift_start_not_in_the_panels_format_is_a_validation_error() {
        assertThatThrownBy(() -> timeshift(60, "yesterday"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("start: 'yesterday' (expected: YYYY-MM-DD:HH-MM)");
    }

    private void listed(Channel channel) {
        channels.put(channel.id(), channel);
        lineup.put(77, new XtreamChannel(77, channel.id(), 1, channel.name(), null, null, null, null));
    }

    private void relayed() {
        proxies.update(with(DeliveryMode.PROXY, true));
    }

    private StreamProxy with(DeliveryMode mode, boolean vodOn) {
        StreamProxy p = redirect;
        return new StreamProxy(
                p.id(),
                p.name(),
                p.slug(),
                p.sources(),
                p.epgSources(),
                p.filters(),
                p.mappingRules(),
                p.numbering(),
                mode,
                p.relayProfile(),
                p.output().withXtreamVod(vodOn),
                p.schedule(),
                p.createdAt(),
                p.updatedAt());
    }

    private static PlayXtreamVodCommand movie(String password, int id) {
        return new PlayXtreamVodCommand("alice", password, PlayXtreamVodCommand.Kind.MOVIE, id, CLIENT);
    }

    private static PlayXtreamTimeshiftCommand timeshift(int minutes, String start) {
        return new PlayXtreamTimeshiftCommand("alice", "secret1", 77, minutes, start, CLIENT);
    }

    private static Playback.File file(XtreamPlay play) {
        return (Playback.File) ((XtreamPlay.Playing) play).playback();
    }

    private record FileRelayCall(StreamPlan plan, FileRequest request) {}

    /** A panel's file of 11 bytes, honouring one {@code bytes=N-} range. */
    private static final class RecordingFiles implements FileRelay {
        final List<FileRelayCall> calls = new ArrayList<>();
        boolean refuse;

        @Override
        public RelayedFile fetch(StreamPlan plan, FileRequest request) {
            if (refuse) {
                throw new UnavailableException("source 'Panel' already uses 2 of its 2 allowed connection(s)", 0);
            }
            calls.add(new FileRelayCall(plan, request));
            byte[] bytes = "movie bytes".getBytes(StandardCharsets.UTF_8);
            int from = request.range() == null
                    ? 0
                    : Integer.parseInt(request.range()
                            .substring("bytes=".length(), request.range().indexOf('-')));
            byte[] part = Arrays.copyOfRange(bytes, from, bytes.length);
            Map<String, String> headers = request.range() == null
                    ? Map.of("Content-Length", String.valueOf(bytes.length))
                    : Map.of("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
            return new RelayedFile() {
                @Override
                public int status() {
                    return request.range() == null ? 200 : 206;
                }

                @Override
                public Map<String, String> headers() {
                    return headers;
                }

                @Override
                public InputStream body() {
                    return new ByteArrayInputStream(part);
                }

                @Override
                public void close() {}
            };
        }
    }

    private static final class RecordingRelay implements StreamRelay {
        final List<StreamPlan> plans = new ArrayList<>();

        @Override
        public StreamSubscription subscribe(FailoverStreams streams, ClientInfo client) {
            return subscribe(streams.primary(), client);
        }

        @Override
        public StreamSubscription subscribe(StreamPlan plan, ClientInfo client) {
            plans.add(plan);
            byte[] bytes = "movie bytes".getBytes(StandardCharsets.UTF_8);
            boolean[] sent = {false};
            return new StreamSubscription() {
                @Override
                public int read(byte[] buffer) {
                    if (sent[0]) {
                        return -1;
                    }
                    sent[0] = true;
                    System.arraycopy(bytes, 0, buffer, 0, bytes.length);
                    return bytes.length;
                }

                @Override
                public void close() {}
            };
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
            return List.of();
        }

        @Override
        public Map<String, Integer> sourceUse() {
            return Map.of();
        }
    }

    private final class Lineup implements ReadXtreamLineupUseCase {
        @Override
        public boolean isPublished(ProxyId proxy) {
            return true;
        }

        @Override
        public void forEachChannel(ProxyId proxy, Consumer<XtreamChannel> sink) {
            lineup.values().forEach(sink);
        }

        @Override
        public Optional<XtreamChannel> findChannel(ProxyId proxy, int streamId) {
            return Optional.ofNullable(lineup.get(streamId));
        }
    }

    private final class Channels implements ChannelRepository {
        @Override
        public Optional<Channel> findById(ChannelId id) {
            return Optional.ofNullable(channels.get(id));
        }

        @Override
        public long replaceAllForSource(io.tvarr.domain.source.SourceId source, Consumer<ChannelSink> writer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void forEachBySource(io.tvarr.domain.source.SourceId source, Consumer<Channel> consumer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long countBySource(io.tvarr.domain.source.SourceId source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Channel> findPage(ChannelQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<GroupCount> groups(io.tvarr.domain.source.@Nullable SourceId source) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class Everyone implements AuthorizeOutputUseCase {
        @Override
        public OutputGrant authorize(OutputRequest request) {
            throw new AssertionError("not asked");
        }

        @Override
        public OutputGrant authorizeAccount(ProxyId proxy, InetAddress client) {
            return new OutputGrant.Granted(proxy);
        }

        @Override
        public boolean mayReadLogos(@Nullable String token, InetAddress client) {
            return false;
        }
    }
}
