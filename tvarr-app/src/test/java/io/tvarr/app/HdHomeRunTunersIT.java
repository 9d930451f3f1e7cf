package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tuner count of devices whose source has no connection limit ({@code hdhomerun.tuner_count} = 1): the provider
 * would take any number of streams, the device still has one tuner per proxy and answers a further tune as a busy
 * HDHomeRun does. The provider sends its media slowly, so a viewer holds its tuner for a while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HdHomeRunTunersIT {
    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private HttpServer upstream;
    private TvarrApplication app;
    private ApiClient api;
    private byte[] media;
    private byte[] h264;
    private final List<InputStream> held = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        media = sample(SampleMedia.mpegTsArguments(dir.resolve("mpeg2.ts"), 2));
        h264 = sample(SampleMedia.h264AacTsArguments(dir.resolve("h264.ts"), 2));
        upstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        upstream.setExecutor(Executors.newCachedThreadPool());
        upstream.createContext("/", this::answer);
        upstream.start();
        String base = "http://127.0.0.1:" + upstream.getAddress().getPort() + "/live/";
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(
                inputs.resolve("provider.m3u"),
                "#EXTM3U\n#EXTINF:-1 tvg-id=\"one.tv\",One\n" + base + "one.ts\n" + "#EXTINF:-1 tvg-id=\"two.tv\",Two\n"
                        + base + "two.ts\n");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_TUNER_COUNT, "1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.RELAY_GRACE_SECONDS, "0");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        String source = id(api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\""
                        + inputs.resolve("provider.m3u").toUri() + "\"}"));
        api.post("/api/v1/sources/stream/" + source + "/ingest", "");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && !api.get("/api/v1/sources/stream/" + source + "/status")
                        .body()
                        .contains("\"succeeded\"")) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        // proxy delivery, so the playlist's own streams go through the relay too
        for (String name : List.of("Living room", "Bedroom")) {
            id(api.post(
                    "/api/v1/proxies",
                    "{\"name\":\"" + name + "\",\"sources\":[\"" + source + "\"],\"deliveryMode\":\"proxy\"}"));
        }
    }

    /** Hangs up and waits until the relay closed the sessions, so the next test finds its tuners free. */
    @AfterEach
    void hang_up() throws IOException {
        for (InputStream stream : held) {
            stream.close();
        }
        held.clear();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)
                && (!body("/api/v1/relay/sessions").isEmpty() || tunersBusy("living-room") || tunersBusy("bedroom"))) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** Whether the device's status.json, as a real HDHomeRun's, lists a tuner that streams. */
    private boolean tunersBusy(String device) throws IOException {
        for (JsonNode tuner : body("/hdhr/" + device + "/status.json")) {
            if (tuner.has("TargetIP")) {
                return true;
            }
        }
        return false;
    }

    @AfterAll
    void stop() {
        app.close();
        upstream.stop(0);
    }

    @Test
    void the_device_has_the_configured_tuner_count() throws IOException {
        assertThat(body("/hdhr/living-room/discover.json").get("TunerCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void while_the_only_tuner_streams_a_second_tune_answers_all_tuners_in_use() throws Exception {
        JsonNode lineup = body("/hdhr/living-room/lineup.json");
        watch(lineup.get(0).get("URL").asText());

        HttpResponse<InputStream> second = http.send(
                HttpRequest.newBuilder(URI.create(lineup.get(1).get("URL").asText()))
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        held.add(second.body());

        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(second.headers().firstValue("X-HDHomeRun-Error")).contains("805 All Tuners In Use");
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(new String(second.body().readAllBytes(), StandardCharsets.UTF_8))
                .contains("All Tuners In Use", "all 1 tuner(s) in use");
    }

    @Test
    void status_json_lists_each_tuner_and_names_the_player_a_streaming_one_sends_to() throws Exception {
        assertThat(body("/hdhr/living-room/status.json").toString()).isEqualTo("[{\"Resource\":\"tuner0\"}]");
        JsonNode lineup = body("/hdhr/living-room/lineup.json");

        watch(lineup.get(0).get("URL").asText());

        JsonNode tuner = body("/hdhr/living-room/status.json").get(0);
        assertThat(tuner.get("Resource").asText()).isEqualTo("tuner0");
        assertThat(tuner.get("TargetIP").asText()).isEqualTo("127.0.0.1");
        assertThat(tuner.get("VctNumber").asText())
                .isEqualTo(lineup.get(0).get("GuideNumber").asText());
        assertThat(tuner.get("VctName").asText())
                .isEqualTo(lineup.get(0).get("GuideName").asText());
        assertThat(body("/hdhr/bedroom/status.json").toString()).isEqualTo("[{\"Resource\":\"tuner0\"}]");
    }

    @Test
    void the_same_channel_a_second_time_takes_a_second_tuner() throws Exception {
        String url = body("/hdhr/living-room/lineup.json").get(0).get("URL").asText();
        watch(url);

        assertThat(status(url)).isEqualTo(503);
    }

    @Test
    void the_tuner_is_free_again_once_the_viewer_hangs_up() throws Exception {
        String url = body("/hdhr/living-room/lineup.json").get(0).get("URL").asText();
        watch(url).close();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int status = status(url);
        while (status == 503 && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            status = status(url);
        }

        assertThat(status).isEqualTo(200);
    }

    @Test
    void each_proxy_is_a_device_with_its_own_tuners() throws Exception {
        watch(body("/hdhr/living-room/lineup.json").get(0).get("URL").asText());

        assertThat(status(body("/hdhr/bedroom/lineup.json").get(0).get("URL").asText()))
                .isEqualTo(200);
    }

    @Test
    void the_playlist_streams_take_no_tuner() throws Exception {
        JsonNode lineup = body("/hdhr/living-room/lineup.json");
        watch(lineup.get(0).get("URL").asText());

        assertThat(status(lineup.get(1).get("URL").asText().replace("?tuner=1", "")))
                .isEqualTo(200);
    }

    @Test
    void a_channel_in_mpeg2_and_mp2_comes_out_of_the_tuner_as_h264_and_aac_mpeg_ts() throws Exception {
        String url = body("/hdhr/living-room/lineup.json").get(0).get("URL").asText();

        Path received = Files.write(dir.resolve("tuned-mpeg2.ts"), watch(url).readNBytes(256 * 1024));

        assertThat(ffprobe(received)).containsExactlyInAnyOrder("h264,video", "aac,audio");
        assertThat(ffprobe(dir.resolve("mpeg2.ts"))).containsExactlyInAnyOrder("mpeg2video,video", "mp2,audio");
    }

    @Test
    void an_h264_and_aac_channel_comes_out_as_it_is_and_once_probed_is_passed_through_unchanged() throws Exception {
        String url = body("/hdhr/living-room/lineup.json").get(1).get("URL").asText();
        Path first = Files.write(dir.resolve("tuned-h264.ts"), watch(url).readNBytes(128 * 1024));
        assertThat(ffprobe(first)).containsExactlyInAnyOrder("h264,video", "aac,audio");
        hang_up();

        byte[] again = watch(url).readNBytes(64 * 1024);

        assertThat(again).as("the upstream's own bytes").isEqualTo(Arrays.copyOfRange(h264, 188, 188 + 64 * 1024));
    }

    @Test
    void a_proxy_naming_a_relay_profile_for_its_tuner_streams_through_it() throws Exception {
        String profile = id(api.post(
                "/api/v1/relay/profiles", "{\"name\":\"AC-3 sound\",\"videoCodec\":\"copy\",\"audioCodec\":\"ac3\"}"));
        String proxy = body("/api/v1/proxies/bedroom").get("id").asText();
        String settings = body("/api/v1/proxies/" + proxy).get("sources").toString();
        String tuned = "{\"name\":\"Bedroom\",\"sources\":" + settings + ",\"deliveryMode\":\"proxy\"";
        try {
            HttpResponse<String> saved =
                    api.put("/api/v1/proxies/" + proxy, tuned + ",\"hdhomerunProfile\":\"" + profile + "\"}");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json.readTree(saved.body()).get("hdhomerunProfile").asText())
                    .isEqualTo(profile);
            String url = body("/hdhr/bedroom/lineup.json").get(1).get("URL").asText();

            Path received = Files.write(dir.resolve("tuned-ac3.ts"), watch(url).readNBytes(128 * 1024));

            assertThat(ffprobe(received))
                    .as("the H.264/AAC channel that the built-in choice passes through, with the profile's sound")
                    .containsExactlyInAnyOrder("h264,video", "ac3,audio");
            assertThat(api.delete("/api/v1/relay/profiles/" + profile).statusCode())
                    .as("a profile a tuner uses is kept")
                    .isEqualTo(409);
        } finally {
            api.put("/api/v1/proxies/" + proxy, tuned + "}");
        }
        assertThat(body("/api/v1/proxies/" + proxy).get("hdhomerunProfile").isNull())
                .as("absent: the built-in choice again")
                .isTrue();
    }

    @Test
    void a_tuner_profile_that_does_not_exist_is_refused_naming_the_field() throws Exception {
        String proxy = body("/api/v1/proxies/bedroom").get("id").asText();
        String sources = body("/api/v1/proxies/" + proxy).get("sources").toString();

        HttpResponse<String> unknown = api.put(
                "/api/v1/proxies/" + proxy,
                "{\"name\":\"Bedroom\",\"sources\":" + sources + ",\"deliveryMode\":\"proxy\",\"hdhomerunProfile\":\""
                        + UUID.randomUUID() + "\"}");
        HttpResponse<String> malformed = api.put(
                "/api/v1/proxies/" + proxy,
                "{\"name\":\"Bedroom\",\"sources\":" + sources
                        + ",\"deliveryMode\":\"proxy\",\"hdhomerunProfile\":\"plex\"}");

        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("hdhomerun_profile: ").contains("does not exist");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("hdhomerunProfile: 'plex' (expected: an id, a UUID)");
        assertThat(body("/api/v1/proxies/" + proxy).get("hdhomerunProfile").isNull())
                .as("nothing stored changed")
                .isTrue();
    }

    /** Each stream as {@code codec_name,codec_type}. */
    private static List<String> ffprobe(Path file) throws Exception {
        Process probe = new ProcessBuilder(
                        "ffprobe",
                        "-v",
                        "error",
                        "-show_entries",
                        "stream=codec_type,codec_name",
                        "-of",
                        "csv=p=0:nk=1",
                        file.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(probe.exitValue()).as(out).isZero();
        // a transport stream lists its streams once more under its program
        return out.lines()
                .map(l -> l.strip().replaceAll(",+$", ""))
                .filter(l -> !l.isEmpty())
                .distinct()
                .toList();
    }

    /** Opens the stream and reads its first packet; the test's end hangs up. */
    private InputStream watch(String url) throws Exception {
        HttpResponse<InputStream> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        InputStream stream = response.body();
        held.add(stream);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stream.readNBytes(188)).hasSize(188);
        return stream;
    }

    /** The status of a stream request; a stream that started is read a little and hung up on. */
    private int status(String url) throws Exception {
        HttpResponse<InputStream> response =
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() == 200) {
                assertThat(body.readNBytes(188)).hasSize(188);
            }
        }
        return response.statusCode();
    }

    private JsonNode body(String path) throws IOException {
        HttpResponse<String> response = api.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String id(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return json.readTree(response.body()).get("id").asText();
    }

    /**
     * The provider: {@code one.ts} is MPEG-2 video with MP2 audio, {@code two.ts} H.264 with AAC. Each sends its
     * sample at once (so probes are quick), then again and again slowly, so a stream lasts until its viewer hangs up.
     */
    private void answer(HttpExchange exchange) throws IOException {
        byte[] media = exchange.getRequestURI().getPath().endsWith("two.ts") ? h264 : this.media;
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "video/mp2t");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write(media);
            Instant end = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(end)) {
                for (int i = 0; i < media.length; i += 188 * 50) {
                    out.write(media, i, Math.min(188 * 50, media.length - i));
                    out.flush();
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            }
        } catch (IOException e) {
            // the relay left: nothing to do
        }
    }

    private static byte[] sample(List<String> arguments) throws Exception {
        Path sample = Path.of(arguments.get(arguments.size() - 1));
        Process make;
        try {
            List<String> command = new ArrayList<>(List.of("ffmpeg"));
            command.addAll(arguments);
            make = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail("FFmpeg is required in CI (.ci/run installs it): " + e.getMessage());
            }
            Assumptions.abort("FFmpeg not installed, skipping the HDHomeRun tuner tests: " + e.getMessage());
            throw e;
        }
        assertThat(make.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return Files.readAllBytes(sample);
    }
}
