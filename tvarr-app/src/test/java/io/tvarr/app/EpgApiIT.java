package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adds an XMLTV guide over the API, ingests it from a local server, and reads programmes back. */
class EpgApiIT {
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final AtomicReference<String> guide = new AtomicReference<>();
    private HttpServer server;
    private TvarrApplication app;
    private ApiClient api;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/guide.xml", exchange -> {
            try (exchange) {
                byte[] bytes = guide.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        });
        server.start();
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
        server.stop(0);
    }

    private JsonNode awaitIngestion(String id) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode status = json.readTree(
                    api.get("/api/v1/sources/epg/" + id + "/status").body());
            if (!status.get("state").asText().equals("ingesting")) {
                return status;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("guide ingestion of " + id + " did not finish");
    }

    private static String programme(Instant start, Duration length, String title) {
        return "<programme start=\"" + XMLTV.format(start) + "\" stop=\"" + XMLTV.format(start.plus(length))
                + "\" channel=\"bbc1.uk\"><title>" + title + "</title></programme>";
    }

    @Test
    void a_guide_is_ingested_within_retention_and_survives_a_broken_refresh() throws IOException {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        guide.set("<?xml version=\"1.0\"?><tv><channel id=\"bbc1.uk\"><display-name>BBC One</display-name></channel>"
                + programme(hour.minus(Duration.ofDays(3)), Duration.ofHours(1), "Too old")
                + programme(hour, Duration.ofHours(1), "On now")
                + programme(hour.plus(Duration.ofHours(1)), Duration.ofHours(1), "Next")
                + programme(hour.plus(Duration.ofDays(30)), Duration.ofHours(1), "Too far ahead")
                + "</tv>");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/guide.xml";
        String id = json.readTree(api.post(
                                "/api/v1/sources/epg",
                                "{\"name\":\"Guide\",\"kind\":\"xmltv\",\"url\":\"" + url + "\"}")
                        .body())
                .get("id")
                .asText();

        assertThat(api.post("/api/v1/sources/epg/" + id + "/ingest", "").statusCode())
                .isEqualTo(202);
        JsonNode done = awaitIngestion(id);

        assertThat(done.get("state").asText()).isEqualTo("succeeded");
        // a guide counts what it is for: programmes, named as such; and the finished run's figures stay visible
        assertThat(done.get("lastCount").asInt()).isEqualTo(2);
        assertThat(done.get("countOf").asText()).isEqualTo("programmes");
        assertThat(done.has("lastChannelCount")).isFalse();
        assertThat(done.get("bytesRead").asLong()).isPositive();
        assertThat(done.get("entriesRead").asLong()).isPositive();
        assertThat(done.get("details").get("programmes_outside_retention").asText())
                .isEqualTo("2");
        JsonNode channels =
                json.readTree(api.get("/api/v1/epg/channels?source=" + id).body());
        assertThat(channels.get("items").get(0).get("id").asText()).isEqualTo("bbc1.uk");
        JsonNode programmes = json.readTree(api.get("/api/v1/epg/programs?channel=bbc1.uk&from="
                        + hour.minus(Duration.ofHours(2)) + "&to=" + hour.plus(Duration.ofHours(5)))
                .body());
        assertThat(programmes).extracting(p -> p.get("title").asText()).containsExactly("On now", "Next");
        assertThat(json.readTree(api.get("/api/v1/epg/now").body())
                        .get(0)
                        .get("title")
                        .asText())
                .isEqualTo("On now");

        guide.set("<?xml version=\"1.0\"?><tv><channel id=\"x\">");
        api.post("/api/v1/sources/epg/" + id + "/ingest", "");
        JsonNode failed = awaitIngestion(id);

        assertThat(failed.get("state").asText()).isEqualTo("failed");
        assertThat(failed.get("lastError").asText()).startsWith("line 1, column");
        assertThat(json.readTree(api.get("/api/v1/epg/now").body())).hasSize(1);
    }

    @Test
    void icon_urls_are_shown_with_their_credentials_masked() throws IOException {
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String icon = "http://icons.example/i.png?token=s3cret";
        guide.set("<?xml version=\"1.0\"?><tv><channel id=\"bbc1.uk\"><display-name>BBC One</display-name>"
                + "<icon src=\"" + icon + "\"/></channel>"
                + programme(hour, Duration.ofHours(1), "On now")
                        .replace("</programme>", "<icon src=\"" + icon + "\"/></programme>")
                + "</tv>");
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/guide.xml";
        String id = json.readTree(api.post(
                                "/api/v1/sources/epg",
                                "{\"name\":\"Guide\",\"kind\":\"xmltv\",\"url\":\"" + url + "\"}")
                        .body())
                .get("id")
                .asText();
        api.post("/api/v1/sources/epg/" + id + "/ingest", "");
        assertThat(awaitIngestion(id).get("state").asText()).isEqualTo("succeeded");

        String channels = api.get("/api/v1/epg/channels?source=" + id).body();
        String programmes = api.get("/api/v1/epg/programs?channel=bbc1.uk&from=" + hour.minus(Duration.ofHours(2))
                        + "&to=" + hour.plus(Duration.ofHours(5)))
                .body();

        assertThat(channels).contains("token=***").doesNotContain("s3cret");
        assertThat(programmes).contains("token=***").doesNotContain("s3cret");
    }

    @Test
    void bad_parameters_name_the_problem() throws IOException {
        assertThat(api.get("/api/v1/epg/programs").body()).contains("channel: must be given");
        assertThat(api.get("/api/v1/epg/programs?channel=x&from=yesterday").body())
                .contains("from: 'yesterday' (expected: an ISO-8601 instant");
        assertThat(api.post(
                                "/api/v1/sources/epg",
                                "{\"name\":\"G\",\"kind\":\"xmltv\",\"url\":\"http://x\",\"zone\":\"Mars/Base\"}")
                        .body())
                .contains("zone: 'Mars/Base'");
    }
}
