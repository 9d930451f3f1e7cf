package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.vod.VodEpisode;
import io.tvarr.domain.vod.VodMovie;
import io.tvarr.domain.vod.VodSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Xtream source with its movies and series switches on, ingested through the API on a real server: its live
 * streams become channels, its movies, series and episodes are stored as VOD and are not channels.
 */
class XtreamVodIngestIT {
    private static final Map<String, String> PANEL = Map.of(
            "",
            "{\"user_info\":{\"auth\":1,\"status\":\"Active\",\"max_connections\":\"2\"},\"server_info\":{}}",
            "get_live_categories",
            "[{\"category_id\":\"1\",\"category_name\":\"News\"}]",
            "get_live_streams",
            "[{\"num\":1,\"name\":\"News 24\",\"stream_id\":5,\"category_id\":\"1\"}]",
            "get_vod_categories",
            "[{\"category_id\":\"108\",\"category_name\":\"Comedy\"}]",
            "get_vod_streams",
            "[{\"name\":\"Film\",\"stream_id\":18253,\"rating\":\"6.8\",\"category_id\":\"108\","
                    + "\"container_extension\":\"mp4\"}]",
            "get_series_categories",
            "[]",
            "get_series",
            "[{\"series_id\":10,\"name\":\"The Show\"}]",
            "get_series_info&series_id=10",
            "{\"episodes\":{\"1\":[{\"id\":\"1001\",\"episode_num\":1,\"title\":\"Pilot\"}]}}");

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer panel;
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        panel = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        panel.createContext("/player_api.php", this::answer);
        panel.start();
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        panel.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String action = query.contains("action=") ? query.replaceAll(".*action=", "") : "";
        String body = PANEL.get(action);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void movies_series_and_episodes_are_stored_as_vod_and_live_streams_as_channels() throws IOException {
        HttpResponse<String> created = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"Panel\",\"kind\":\"xtream\",\"url\":\"http://127.0.0.1:"
                        + panel.getAddress().getPort()
                        + "\",\"username\":\"user\",\"password\":\"secret\",\"includeVod\":true,"
                        + "\"includeSeries\":true}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode source = json.readTree(created.body());
        assertThat(source.get("includeVod").asBoolean()).isTrue();
        assertThat(source.get("includeSeries").asBoolean()).isTrue();
        String path = "/api/v1/sources/stream/" + source.get("id").asText();

        JsonNode status = ingest(path);

        assertThat(status.get("lastCount").asLong()).isEqualTo(1);
        assertThat(status.get("details").get("vod_items").asText()).isEqualTo("3");
        SourceId id = SourceId.parse(source.get("id").asText());
        List<VodMovie> movies = new ArrayList<>();
        app.core().parts().store.vod().forEachMovie(id, movies::add);
        assertThat(movies)
                .extracting(VodMovie::name, VodMovie::category)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Film", "Comedy"));
        List<VodSeries> series = new ArrayList<>();
        app.core().parts().store.vod().forEachSeries(id, series::add);
        assertThat(series).extracting(VodSeries::name).containsExactly("The Show");
        List<VodEpisode> episodes = new ArrayList<>();
        app.core().parts().store.vod().forEachEpisode(id, "10", episodes::add);
        assertThat(episodes).extracting(VodEpisode::title).containsExactly("Pilot");
        JsonNode channels =
                json.readTree(api.get("/api/v1/channels?source=" + id).body());
        assertThat(channels.get("items"))
                .extracting(c -> c.get("name").asText())
                .containsExactly("News 24");
    }

    private JsonNode ingest(String path) throws IOException {
        assertThat(api.post(path + "/ingest", "").statusCode()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = json.readTree(api.get(path + "/status").body());
            if (!status.get("state").asText().equals("ingesting")) {
                assertThat(status.get("state").asText()).as(status.toString()).isEqualTo("succeeded");
                return status;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("ingestion of " + path + " did not finish");
    }
}
