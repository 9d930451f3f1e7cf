package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 18, item 4: a provider answering 200 with nothing useful must not wipe the stored channels or guide, nor
 * regenerate the proxies that use them. A big drop waits for confirmation; {@code ?accept=true} applies it.
 */
class IngestionSafetyIT {
    private static final String HTML = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
            + "<body><h1>Bad Gateway</h1></body></html>\n";
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    /** What the provider answers, by path (and Xtream action); every answer is a 200. */
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    private HttpServer provider;
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", this::answer);
        provider.start();
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.close();
        provider.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getQuery();
            String action = query != null && query.contains("action=") ? query.replaceAll(".*action=", "") : "";
            String key = exchange.getRequestURI().getPath() + (action.isEmpty() ? "" : "?" + action);
            byte[] bytes = answers.getOrDefault(key, "").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + path;
    }

    private static String playlist(int channels) {
        return "#EXTM3U\n"
                + IntStream.range(0, channels)
                        .mapToObj(i ->
                                "#EXTINF:-1 tvg-id=\"c" + i + "\",Channel " + i + "\nhttp://up.example/" + i + ".ts\n")
                        .collect(Collectors.joining());
    }

    private static String xtreamStreams(int channels) {
        return IntStream.range(0, channels)
                .mapToObj(i -> "{\"stream_id\":" + i + ",\"name\":\"Channel " + i + "\",\"category_id\":\"1\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String guide(int programmes) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS);
        return "<?xml version=\"1.0\"?>\n<tv><channel id=\"c0\"><display-name>Channel 0</display-name></channel>"
                + IntStream.range(0, programmes)
                        .mapToObj(i -> "<programme channel=\"c0\" start=\""
                                + XMLTV.format(start.plus(Duration.ofMinutes(30L * i))) + "\" stop=\""
                                + XMLTV.format(start.plus(Duration.ofMinutes(30L * (i + 1))))
                                + "\"><title>Show " + i + "</title></programme>")
                        .collect(Collectors.joining())
                + "</tv>\n";
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private String create(String collection, String body) throws IOException {
        HttpResponse<String> created = api.post(collection, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("id").asText();
    }

    private String m3uSource() throws IOException {
        return create(
                "/api/v1/sources/stream", "{\"name\":\"M3U\",\"kind\":\"m3u\",\"url\":\"" + url("/get.php") + "\"}");
    }

    /** Ingests over the API and waits for the outcome the status reports. */
    private JsonNode ingest(String collection, String id, String query) throws IOException {
        HttpResponse<String> started = api.post(collection + "/" + id + "/ingest" + query, "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = body(api.get(collection + "/" + id + "/status"));
            if (!status.get("state").asText().equals("ingesting")) {
                return status;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("ingestion of " + id + " did not finish");
    }

    private JsonNode ingestChannels(String id, String query) throws IOException {
        return ingest("/api/v1/sources/stream", id, query);
    }

    private int channels(String source) throws IOException {
        return body(api.get("/api/v1/channels?source=" + source)).get("total").asInt();
    }

    private int generations(String proxy) throws IOException {
        int count = 0;
        for (JsonNode job :
                body(api.get("/api/v1/jobs?kind=proxy_generate&size=100")).get("items")) {
            if (job.get("target").asText().equals(proxy)) {
                count++;
            }
        }
        return count;
    }

    private void awaitGenerations(String proxy, int count) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (generations(proxy) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("proxy " + proxy + " was not regenerated " + count + " times");
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    /**
     * The provider's useless answers. Whether the parser refuses them (failed) or they yield nothing (needs
     * confirmation), the stored channels stay and the status says why.
     */
    @ParameterizedTest
    @ValueSource(strings = {HTML, "", "#EXTM3U\n"})
    void a_useless_m3u_answer_keeps_the_channels_and_regenerates_no_proxy(String useless) throws IOException {
        String source = m3uSource();
        String proxy = create("/api/v1/proxies", "{\"name\":\"Den\",\"sources\":[\"" + source + "\"]}");
        answers.put("/get.php", playlist(10));
        assertThat(ingestChannels(source, "").get("state").asText()).isEqualTo("succeeded");
        awaitGenerations(proxy, 1);

        answers.put("/get.php", useless);
        JsonNode kept = ingestChannels(source, "");

        assertThat(kept.get("state").asText()).isIn("needs_confirmation", "failed");
        assertThat(kept.get("lastError").asText()).isNotBlank();
        assertThat(kept.get("lastCount").asInt()).isEqualTo(10);
        assertThat(channels(source)).isEqualTo(10);
        assertThat(generations(proxy)).isEqualTo(1);
    }

    @Test
    void an_empty_xtream_list_keeps_the_channels() throws IOException {
        answers.put("/player_api.php", "{\"user_info\":{\"auth\":1,\"status\":\"Active\"},\"server_info\":{}}");
        answers.put("/player_api.php?get_live_categories", "[{\"category_id\":\"1\",\"category_name\":\"UK\"}]");
        answers.put("/player_api.php?get_live_streams", xtreamStreams(10));
        String source = create(
                "/api/v1/sources/stream",
                "{\"name\":\"X\",\"kind\":\"xtream\",\"url\":\"" + url("/")
                        + "\",\"username\":\"bob\",\"password\":\"hunter2\"}");
        assertThat(ingestChannels(source, "").get("state").asText()).isEqualTo("succeeded");

        answers.put("/player_api.php?get_live_streams", "[]");
        JsonNode kept = ingestChannels(source, "");

        assertThat(kept.get("state").asText()).isEqualTo("needs_confirmation");
        assertThat(kept.get("lastError").asText())
                .contains("yielded no channels where 10 are stored: previous data kept; accept to apply");
        assertThat(channels(source)).isEqualTo(10);
    }

    @Test
    void a_guide_without_programmes_keeps_the_stored_guide() throws IOException {
        String guideSource = create(
                "/api/v1/sources/epg", "{\"name\":\"G\",\"kind\":\"xmltv\",\"url\":\"" + url("/guide.xml") + "\"}");
        answers.put("/guide.xml", guide(10));
        assertThat(ingest("/api/v1/sources/epg", guideSource, "").get("state").asText())
                .isEqualTo("succeeded");

        answers.put("/guide.xml", "<?xml version=\"1.0\"?>\n<tv><channel id=\"c0\"/></tv>\n");
        JsonNode kept = ingest("/api/v1/sources/epg", guideSource, "");

        assertThat(kept.get("state").asText()).isIn("needs_confirmation", "failed");
        assertThat(kept.get("lastError").asText()).isNotBlank();
        assertThat(kept.get("lastCount").asInt()).isEqualTo(10);
        assertThat(body(api.get("/api/v1/epg/programs?source=" + guideSource + "&channel=c0"))
                        .toString())
                .contains("Show 9");
    }

    @Test
    void a_drop_of_60_percent_needs_confirmation_and_accepting_applies_it() throws IOException {
        String source = m3uSource();
        String proxy = create("/api/v1/proxies", "{\"name\":\"Den\",\"sources\":[\"" + source + "\"]}");
        answers.put("/get.php", playlist(10));
        ingestChannels(source, "");
        awaitGenerations(proxy, 1);

        answers.put("/get.php", playlist(4));
        JsonNode held = ingestChannels(source, "");

        assertThat(held.get("state").asText()).isEqualTo("needs_confirmation");
        assertThat(held.get("lastError").asText())
                .endsWith("would keep 4 of 10 channels (\u221260 %, more than the 50 % allowed): previous data kept;"
                        + " accept to apply");
        assertThat(channels(source)).isEqualTo(10);
        assertThat(generations(proxy)).isEqualTo(1);

        JsonNode accepted = ingestChannels(source, "?accept=true");

        assertThat(accepted.get("state").asText()).isEqualTo("succeeded");
        assertThat(accepted.get("lastCount").asInt()).isEqualTo(4);
        assertThat(channels(source)).isEqualTo(4);
        awaitGenerations(proxy, 2);
    }

    @Test
    void a_drop_of_40_percent_applies() throws IOException {
        String source = m3uSource();
        answers.put("/get.php", playlist(10));
        ingestChannels(source, "");

        answers.put("/get.php", playlist(6));

        assertThat(ingestChannels(source, "").get("state").asText()).isEqualTo("succeeded");
        assertThat(channels(source)).isEqualTo(6);
    }

    @Test
    void accept_must_be_true_or_false() throws IOException {
        String source = m3uSource();

        HttpResponse<String> response = api.post("/api/v1/sources/stream/" + source + "/ingest?accept=yes", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).isEqualTo("accept: 'yes' (expected: true or false)");
    }
}
