package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.SampleMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Channels played through tvarr from a local provider whose stream URLs carry credentials
 * ({@code /live/user/secret/…?password=secret}) and fail in every way the relay knows, in proxy and transcode
 * delivery. Each failing channel sits on a loopback address of its own so one host's circuit breaker never hides
 * another channel's failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayUpstreamIT {
    private static final String SECRET = "secret";
    private static final String AGENT = "tvarr-it/7";

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<String>> agents = new ConcurrentHashMap<>();
    private final Map<String, String> channels = new HashMap<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger relayLogger = (Logger) LoggerFactory.getLogger("io.tvarr.relay");
    private HttpServer upstream;
    private TvarrApplication app;
    private ApiClient api;
    private boolean ffmpeg;
    private byte[] media;
    private String proxyMode;
    private String transcodeMode;
    private String smartMode;

    @BeforeAll
    void start() throws Exception {
        ffmpeg = ffmpegInstalled();
        media = ffmpeg ? sample() : packets();
        upstream = HttpServer.create(new InetSocketAddress(0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/", this::answer);
        upstream.start();
        int port = upstream.getAddress().getPort();
        String[] names = {
            "missing.ts",
            "broken.ts",
            "bad-variant.m3u8",
            "bad-segment.m3u8",
            "dead-segments.m3u8",
            "stream.ts",
            "hls.m3u8",
            "probe.ts",
            "vlcopt.ts"
        };
        StringBuilder playlist = new StringBuilder("#EXTM3U\n");
        for (int i = 0; i < names.length; i++) {
            playlist.append("#EXTINF:-1 tvg-id=\"c")
                    .append(i)
                    .append("\",")
                    .append(names[i])
                    .append('\n');
            if (names[i].equals("vlcopt.ts")) {
                playlist.append("#EXTVLCOPT:http-user-agent=ChannelAgent/2\n");
            }
            playlist.append(url("127.0.0." + (10 + i) + ":" + port, names[i])).append('\n');
        }
        playlist.append("#EXTINF:-1 tvg-id=\"refused\",refused\n")
                .append(url("127.0.0.1:1", "refused.ts"))
                .append('\n');
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path m3u = Files.writeString(inputs.resolve("provider.m3u"), playlist.toString());
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.SOURCES_USER_AGENT, AGENT);
        flags.put(ConfigKey.RELAY_GRACE_SECONDS, "0");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        String source = id(api.post(
                "/api/v1/sources/stream", "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + m3u.toUri() + "\"}"));
        api.post("/api/v1/sources/stream/" + source + "/ingest", "");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !api.get("/api/v1/sources/stream/" + source + "/status")
                        .body()
                        .contains("\"succeeded\"")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        String copy = id(api.post(
                "/api/v1/relay/profiles", "{\"name\":\"copy\",\"videoCodec\":\"copy\",\"audioCodec\":\"copy\"}"));
        String smart = id(api.post("/api/v1/relay/profiles", "{\"name\":\"smart\",\"smart\":true}"));
        proxyMode = proxy("proxy", "proxy", null);
        transcodeMode = proxy("transcode", "transcode", copy);
        smartMode = proxy("smart", "transcode", smart);
        String listing = api.get("/proxy/" + proxyMode + ".m3u").body();
        String name = null;
        for (String line : listing.lines().toList()) {
            if (line.startsWith("#EXTINF")) {
                name = line.substring(line.lastIndexOf(',') + 1);
            } else if (line.startsWith("http://") && name != null) {
                channels.put(name, line.substring(line.lastIndexOf('/') + 1));
            }
        }
        assertThat(channels).hasSize(names.length + 1);
    }

    @AfterAll
    void stop() {
        app.close();
        upstream.stop(0);
    }

    @BeforeEach
    void captureLogs() {
        logs.list.clear();
        logs.start();
        root.addAppender(logs);
        relayLogger.setLevel(Level.DEBUG);
    }

    @AfterEach
    void releaseLogs() {
        relayLogger.setLevel(null);
        root.detachAppender(logs);
    }

    private static String url(String host, String name) {
        return "http://" + host + "/live/user/" + SECRET + "/" + name + "?password=" + SECRET;
    }

    private String proxy(String name, String mode, String profile) throws IOException {
        String channelSource = json.readTree(api.get("/api/v1/sources/stream").body())
                .get(0)
                .get("id")
                .asText();
        return id(api.post(
                "/api/v1/proxies",
                "{\"name\":\"" + name + "\",\"sources\":[\"" + channelSource + "\"],\"deliveryMode\":\"" + mode + "\""
                        + (profile == null ? "" : ",\"relayProfile\":\"" + profile + "\"") + "}"));
    }

    private String id(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body()).get("id").asText();
    }

    /** The provider: every answer keyed by the last path segment, the User-Agent of every request recorded. */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        agents.computeIfAbsent(name, k -> new CopyOnWriteArrayList<>())
                .add(String.valueOf(exchange.getRequestHeaders().getFirst("User-Agent")));
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/live/user/" + SECRET + "/";
        try (exchange) {
            switch (name) {
                case "missing.ts", "gone-0.ts", "gone-1.ts", "gone-2.ts", "gone-3.ts", "gone-4.ts", "gone-5.ts" -> {
                    exchange.sendResponseHeaders(404, -1);
                }
                case "broken.ts" -> exchange.sendResponseHeaders(500, -1);
                case "bad-variant.m3u8" ->
                    playlist(
                            exchange,
                            "#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=800000\n" + base + "bad variant.m3u8?password="
                                    + SECRET + "\n");
                case "bad-segment.m3u8" -> playlist(exchange, media("bad segment.ts?password=" + SECRET));
                case "dead-segments.m3u8" -> {
                    StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-TARGETDURATION:2\n");
                    for (int i = 0; i < 6; i++) {
                        text.append("#EXTINF:2,\n")
                                .append(base)
                                .append("gone-")
                                .append(i)
                                .append(".ts?password=")
                                .append(SECRET)
                                .append('\n');
                    }
                    playlist(exchange, text.append("#EXT-X-ENDLIST\n").toString());
                }
                case "hls.m3u8" -> playlist(exchange, media("segment.ts?password=" + SECRET));
                default -> {
                    exchange.getResponseHeaders().add("Content-Type", "video/mp2t");
                    exchange.sendResponseHeaders(200, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(media);
                    }
                }
            }
        } catch (IOException e) {
            // tvarr hung up
        }
    }

    private static String media(String segment) {
        return "#EXTM3U\n#EXT-X-TARGETDURATION:8\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:8,\n" + segment
                + "\n#EXT-X-ENDLIST\n";
    }

    private static void playlist(HttpExchange exchange, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.apple.mpegurl");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** What a player got: the status and the problem body, or the first packets of a stream. */
    private record Answer(int status, String body) {}

    private Answer play(String proxy, String channel) throws Exception {
        HttpResponse<InputStream> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/proxy/" + proxy + "/"
                                        + channels.get(channel)))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            byte[] bytes = body.readNBytes(response.statusCode() == 200 ? 188 * 10 : Integer.MAX_VALUE);
            return new Answer(response.statusCode(), new String(bytes, StandardCharsets.UTF_8));
        }
    }

    /** Every captured log line with its stack trace, once the relay has logged how the failed session ended. */
    private String logged() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!capturedEvents().stream().anyMatch(RelayUpstreamIT::endsASession)
                && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return capturedEvents().stream()
                .map(e -> e.getFormattedMessage()
                        + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }

    private List<ILoggingEvent> capturedEvents() {
        // the appender adds under its own lock, so a copy taken under it is whole
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }

    private static boolean endsASession(ILoggingEvent event) {
        String message = event.getMessage();
        return message.startsWith("relay upstream failed")
                || message.startsWith("relay session failed")
                || message.startsWith("relay session ended");
    }

    private void assertMasked(Answer answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(502);
        assertThat(answer.body()).doesNotContain(SECRET);
        String logged = logged();
        assertThat(logged).isNotEmpty().doesNotContain(SECRET);
    }

    private void requireFFmpeg() {
        Assumptions.assumeTrue(ffmpeg, "FFmpeg not installed, skipping transcode delivery tests");
    }

    @Nested
    class Credentials_in_proxy_delivery {
        @Test
        void stay_out_of_an_http_error() throws Exception {
            assertMasked(play(proxyMode, "missing.ts"));
        }

        @Test
        void stay_out_of_a_server_error() throws Exception {
            assertMasked(play(proxyMode, "broken.ts"));
        }

        @Test
        void stay_out_of_a_refused_connection() throws Exception {
            assertMasked(play(proxyMode, "refused"));
        }

        @Test
        void stay_out_of_a_master_playlist_with_an_unusable_variant() throws Exception {
            assertMasked(play(proxyMode, "bad-variant.m3u8"));
        }

        @Test
        void stay_out_of_a_media_playlist_with_an_unusable_segment() throws Exception {
            assertMasked(play(proxyMode, "bad-segment.m3u8"));
        }

        @Test
        void stay_out_of_segments_failing_in_a_row() throws Exception {
            assertMasked(play(proxyMode, "dead-segments.m3u8"));
        }
    }

    @Nested
    class Credentials_in_transcode_delivery {
        @Test
        void stay_out_of_ffmpeg_failing_on_an_http_error() throws Exception {
            requireFFmpeg();
            assertMasked(play(transcodeMode, "missing.ts"));
        }

        @Test
        void stay_out_of_ffmpeg_failing_on_a_refused_connection() throws Exception {
            requireFFmpeg();
            assertMasked(play(transcodeMode, "refused"));
        }

        @Test
        void stay_out_of_a_master_playlist_with_an_unusable_variant() throws Exception {
            requireFFmpeg();
            assertMasked(play(transcodeMode, "bad-variant.m3u8"));
        }

        @Test
        void stay_out_of_ffprobe_failing_on_a_server_error() throws Exception {
            requireFFmpeg();
            assertMasked(play(smartMode, "broken.ts"));
        }
    }

    @Nested
    class User_agent {
        @Test
        void is_the_configured_one_in_proxy_delivery() throws Exception {
            assertThat(play(proxyMode, "stream.ts").status()).isEqualTo(200);

            assertThat(agents.get("stream.ts")).isNotEmpty().containsOnly(AGENT);
        }

        @Test
        void is_the_configured_one_for_hls_playlists_and_segments() throws Exception {
            assertThat(play(proxyMode, "hls.m3u8").status()).isEqualTo(200);

            assertThat(agents.get("hls.m3u8")).isNotEmpty().containsOnly(AGENT);
            assertThat(agents.get("segment.ts")).isNotEmpty().containsOnly(AGENT);
        }

        @Test
        void is_the_channels_own_when_it_names_one() throws Exception {
            assertThat(play(proxyMode, "vlcopt.ts").status()).isEqualTo(200);

            assertThat(agents.get("vlcopt.ts")).isNotEmpty().containsOnly("ChannelAgent/2");
        }

        @Test
        void is_the_configured_one_for_ffmpeg() throws Exception {
            requireFFmpeg();
            agents.remove("stream.ts");

            assertThat(play(transcodeMode, "stream.ts").status()).isEqualTo(200);

            assertThat(agents.get("stream.ts")).isNotEmpty().containsOnly(AGENT);
        }

        @Test
        void is_the_configured_one_for_ffprobe_and_ffmpeg_of_a_smart_profile() throws Exception {
            requireFFmpeg();

            assertThat(play(smartMode, "probe.ts").status()).isEqualTo(200);

            assertThat(agents.get("probe.ts")).hasSizeGreaterThanOrEqualTo(2).containsOnly(AGENT);
        }
    }

    private static boolean ffmpegInstalled() {
        try {
            Process version = new ProcessBuilder("ffmpeg", "-hide_banner", "-version")
                    .redirectErrorStream(true)
                    .start();
            version.getInputStream().readAllBytes();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            return false;
        }
    }

    /** Eight seconds of real MPEG-TS made by FFmpeg, so ffprobe and FFmpeg accept it. */
    private byte[] sample() throws Exception {
        Path sample = dir.resolve("sample.ts");
        List<String> command = new ArrayList<>(List.of("ffmpeg"));
        command.addAll(SampleMedia.mpegTsArguments(sample, 8));
        Process make = new ProcessBuilder(command).inheritIO().start();
        assertThat(make.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllBytes(sample);
    }

    private static byte[] packets() {
        byte[] packets = new byte[188 * 2000];
        for (int p = 0; p < 2000; p++) {
            packets[p * 188] = 0x47;
        }
        return packets;
    }
}
