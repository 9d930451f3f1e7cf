package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds a proxy over the API from a local playlist and guide, and reads its published outputs back. */
class ProxyApiIT {
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private String sourceId;
    private String guideId;

    @BeforeEach
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" tvg-chno="101" tvg-logo="http://img.example/%s.png" group-title="UK",UK: BBC One HD
                http://up.example/1.ts
                #EXTINF:-1 tvg-id="" group-title="UK",ITV 1
                http://up.example/2.ts
                #EXTINF:-1 tvg-id="x" group-title="Adult",Late night
                http://up.example/3.ts
                """.formatted("x".repeat(2000)));
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Files.writeString(
                inputs.resolve("guide.xml"),
                "<?xml version=\"1.0\"?><tv>"
                        + "<channel id=\"bbc1.uk\"><display-name>BBC One</display-name></channel>"
                        + "<channel id=\"itv1.uk\"><display-name>ITV1</display-name></channel>"
                        + programme("bbc1.uk", hour, "News at One")
                        + programme("itv1.uk", hour, "Quiz & Prizes")
                        + "</tv>");
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        sourceId = create(
                "/api/v1/sources/stream",
                "{\"name\":\"Provider\",\"kind\":\"m3u\",\"url\":\""
                        + inputs.resolve("provider.m3u").toUri() + "\"}");
        guideId = create(
                "/api/v1/sources/epg",
                "{\"name\":\"Guide\",\"kind\":\"xmltv\",\"url\":\""
                        + inputs.resolve("guide.xml").toUri() + "\"}");
        api.ingest("/api/v1/sources/stream/" + sourceId);
        api.ingest("/api/v1/sources/epg/" + guideId);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private static String programme(String channel, Instant start, String title) {
        return "<programme start=\"" + XMLTV.format(start) + "\" stop=\""
                + XMLTV.format(start.plus(Duration.ofHours(1))) + "\" channel=\"" + channel + "\"><title>"
                + title.replace("&", "&amp;") + "</title><desc>"
                + "Long enough to be worth compressing. ".repeat(50) + "</desc></programme>";
    }

    private String create(String path, String body) throws IOException {
        HttpResponse<String> response = api.post(path, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("id").asText();
    }

    private String proxyBody(String extra) {
        return "{\"name\":\"Living Room\",\"sources\":[\"" + sourceId + "\"],\"epgSources\":[\"" + guideId
                + "\"],\"numberingMode\":\"sequential\",\"numberingStart\":1" + extra + "}";
    }

    @Test
    void a_proxy_publishes_a_filtered_numbered_playlist_and_a_matching_guide() throws IOException {
        String filter = create(
                "/api/v1/filters",
                "{\"name\":\"No adult\",\"domain\":\"stream_filter\","
                        + "\"action\":\"exclude\",\"expression\":\"group_title equals \\\"Adult\\\"\"}");
        String proxy = create("/api/v1/proxies", proxyBody(",\"filters\":[{\"filterId\":\"" + filter + "\"}]"));

        HttpResponse<String> regenerated = api.post("/api/v1/proxies/" + proxy + "/regenerate", "");

        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        JsonNode report = json.readTree(regenerated.body());
        assertThat(report.get("channels").asInt()).isEqualTo(2);
        assertThat(report.get("programmes").asInt()).isEqualTo(2);
        String playlist = api.get("/proxy/living-room.m3u").body();
        assertThat(playlist)
                .contains("tvg-id=\"bbc1.uk\"", "tvg-chno=\"1\"", "tvg-id=\"itv1.uk\"", "tvg-chno=\"2\"")
                .contains("url-tvg=\"http://127.0.0.1:" + app.port() + "/proxy/" + proxy + ".xmltv\"")
                .doesNotContain("Late night");
        String guide = api.get("/proxy/" + proxy + ".xmltv").body();
        assertThat(guide).contains("<channel id=\"bbc1.uk\">", "<channel id=\"itv1.uk\">", "Quiz &amp; Prizes");
        assertThat(api.get("/proxy/living-room/playlist.m3u8").body()).isEqualTo(playlist);
        assertThat(api.get("/proxy/living-room/epg.xml").body()).isEqualTo(guide);
        JsonNode status =
                json.readTree(api.get("/api/v1/proxies/living-room/status").body());
        assertThat(status.get("state").asText()).isEqualTo("succeeded");
        assertThat(status.get("lastReport").get("stages")).isNotEmpty();
    }

    @Test
    void outputs_support_validators_ranges_and_gzip() throws IOException {
        create("/api/v1/proxies", proxyBody(""));
        HttpResponse<byte[]> first = api.getBytes("/proxy/living-room.m3u");
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertThat(first.headers().firstValue("Last-Modified")).isPresent();
        assertThat(api.getBytes("/proxy/living-room.m3u", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        HttpResponse<byte[]> range = api.getBytes("/proxy/living-room.m3u", "Range", "bytes=0-6");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(new String(range.body(), StandardCharsets.UTF_8)).isEqualTo("#EXTM3U");
        assertThat(range.headers().firstValue("Content-Range").orElseThrow()).startsWith("bytes 0-6/");
        HttpResponse<byte[]> tail = api.getBytes("/proxy/living-room.m3u", "Range", "bytes=-3");
        assertThat(new String(tail.body(), StandardCharsets.UTF_8)).isEqualTo("ts\n");
        assertThat(api.getBytes("/proxy/living-room.m3u", "Range", "bytes=99999999-")
                        .statusCode())
                .isEqualTo(416);
        HttpResponse<byte[]> gzipped = api.getBytes("/proxy/living-room.xmltv", "Accept-Encoding", "gzip");
        assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(gzipped.body())).contains("<channel id=\"bbc1.uk\">");
        HttpResponse<byte[]> gzippedPlaylist = api.getBytes("/proxy/living-room.m3u", "Accept-Encoding", "gzip");
        assertThat(gzippedPlaylist.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(gunzip(gzippedPlaylist.body())).startsWith("#EXTM3U");
        HttpResponse<byte[]> download = api.getBytes("/proxy/living-room/epg.xml.gz");
        assertThat(gunzip(download.body())).contains("News at One");
    }

    @Test
    void a_slug_shaped_like_a_proxy_id_is_refused() throws IOException {
        String first = create("/api/v1/proxies", proxyBody(""));

        HttpResponse<String> response = api.post("/api/v1/proxies", "{\"name\":\"Other\",\"slug\":\"" + first + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asText())
                .isEqualTo("slug: '" + first + "' has the shape of a proxy id (expected: a name)");
    }

    @Test
    void an_oversized_source_list_is_refused_at_once() throws IOException {
        String ids =
                String.join(",", java.util.Collections.nCopies(20_000, "\"00000000-0000-0000-0000-000000000001\""));
        long started = System.nanoTime();

        HttpResponse<String> response = api.post("/api/v1/proxies", "{\"name\":\"P\",\"sources\":[" + ids + "]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body()).get("detail").asText())
                .isEqualTo("sources: 20000 entries (expected: at most 1000)");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));
    }

    @Test
    void malformed_proxies_are_refused_naming_the_field() {
        HttpResponse<String> badId = api.post("/api/v1/proxies", "{\"name\":\"P\",\"sources\":[\"nope\"]}");
        HttpResponse<String> unknown =
                api.post("/api/v1/proxies", "{\"name\":\"P\",\"sources\":[\"00000000-0000-0000-0000-000000000001\"]}");
        HttpResponse<String> mode = api.post("/api/v1/proxies", "{\"name\":\"P\",\"numberingMode\":\"random\"}");

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("sources[0]");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("does not exist");
        assertThat(mode.statusCode()).isEqualTo(400);
        assertThat(mode.body()).contains("numberingMode", "sequential");
        assertThat(api.get("/api/v1/proxies").body()).isEqualTo("[]");
    }

    @Test
    void deleting_a_proxy_removes_its_outputs() throws IOException {
        String proxy = create("/api/v1/proxies", proxyBody(""));
        assertThat(api.get("/proxy/" + proxy + ".m3u").statusCode()).isEqualTo(200);

        assertThat(api.delete("/api/v1/proxies/" + proxy).statusCode()).isEqualTo(204);

        assertThat(api.get("/proxy/" + proxy + ".m3u").statusCode()).isEqualTo(404);
        assertThat(Files.exists(dir.resolve("data/proxies/" + proxy))).isFalse();
    }

    @Test
    void uploaded_logos_are_served_by_hash_with_long_cache_lifetimes() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 7, 7, 7};

        HttpResponse<String> uploaded = api.postBytes("/api/v1/logos", "image/png", png);
        HttpResponse<String> notAnImage =
                api.postBytes("/api/v1/logos", "image/png", "<html></html>".getBytes(StandardCharsets.UTF_8));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        String url = json.readTree(uploaded.body()).get("url").asText();
        assertThat(url).matches("/logos/[0-9a-f]{64}\\.png");
        HttpResponse<byte[]> served = api.getBytes(url);
        assertThat(served.body()).isEqualTo(png);
        assertThat(served.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(served.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable");
        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(notAnImage.body()).contains("not a PNG, JPEG, GIF, WebP or SVG image");
        assertThat(api.getBytes("/logos/../../etc/passwd").statusCode()).isIn(400, 404);
        assertThat(api.getBytes("/logos/" + "0".repeat(64) + ".png").statusCode())
                .isEqualTo(404);
        HttpResponse<String> cleanup = api.post("/api/v1/logos/cleanup", "");
        assertThat(cleanup.statusCode()).isEqualTo(200);
        assertThat(json.readTree(cleanup.body()).get("removed").asInt()).isZero();
    }

    private static String gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
