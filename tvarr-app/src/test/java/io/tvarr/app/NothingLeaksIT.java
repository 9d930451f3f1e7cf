package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 17, "nothing leaks": a provider account's password, given in every way a source can hold it (user info,
 * query, Xtream path, Xtream fields), failing in every way an ingestion can fail (refused, 401, 500 retried, an HTML
 * page), never shows in an API answer, an event, a log line or a stored error. Players still get the real URLs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NothingLeaksIT {
    private static final String SECRET = "s3cretPw";

    @TempDir
    static Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger tvarr = (Logger) LoggerFactory.getLogger("io.tvarr");
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> answers = new ArrayList<>();
    private HttpServer provider;
    private TvarrApplication app;
    private ApiClient api;
    private String okSource;
    private String xtreamSource;
    private String proxy;

    @BeforeAll
    void start() throws Exception {
        logs.start();
        root.addAppender(logs);
        tvarr.setLevel(Level.DEBUG);
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", this::answer);
        provider.start();
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.toString());
        flags.put(ConfigKey.JOBS_RETRIES, "1");
        flags.put(ConfigKey.JOBS_RETRY_DELAY_SECONDS, "1");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
        listen();

        okSource = m3u("ok", "http://127.0.0.1:" + port() + "/ok/get.php?username=bob&password=" + SECRET);
        String[] failing = {
            m3u("refused", "http://bob:" + SECRET + "@127.0.0.1:1/get.php?password=" + SECRET),
            m3u("denied", credentialed("/denied/get.php")),
            m3u("broken", credentialed("/broken/get.php")),
            m3u("html", credentialed("/html/get.php")),
        };
        xtreamSource = create(
                "/api/v1/sources/stream",
                "{\"name\":\"X\",\"kind\":\"xtream\",\"url\":\"http://127.0.0.1:" + port()
                        + "/xtream/\",\"username\":\"bob\",\"password\":\"" + SECRET + "\"}");
        String guide = create(
                "/api/v1/sources/epg",
                "{\"name\":\"G\",\"kind\":\"xtream\",\"url\":\"http://127.0.0.1:" + port()
                        + "/denied/\",\"username\":\"bob\",\"password\":\"" + SECRET + "\"}");
        for (String source : Stream.concat(Stream.of(okSource, xtreamSource), Stream.of(failing))
                .toList()) {
            awaitJob(submit("source_ingest", source));
        }
        awaitJob(submit("epg_ingest", guide));
        proxy = create(
                "/api/v1/proxies", "{\"name\":\"Den\",\"sources\":[\"" + okSource + "\",\"" + xtreamSource + "\"]}");
        HttpResponse<String> regenerated = api.post("/api/v1/proxies/" + proxy + "/regenerate", "");
        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        answers.add(regenerated.body());
    }

    @AfterAll
    void stop() {
        tvarr.setLevel(null);
        root.detachAppender(logs);
        app.close();
        provider.stop(0);
    }

    private int port() {
        return provider.getAddress().getPort();
    }

    private String credentialed(String path) {
        return "http://bob:" + SECRET + "@127.0.0.1:" + port() + path + "?username=bob&password=" + SECRET
                + "&type=m3u";
    }

    /** The provider: answers only requests that carry the password, and fails as the first path segment says. */
    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            String query = uri.getQuery() == null ? "" : uri.getQuery();
            String base = "http://127.0.0.1:" + port();
            if (path.startsWith("/denied/") || !query.contains("password=" + SECRET)) {
                send(exchange, 401, "denied");
            } else if (path.startsWith("/broken/")) {
                send(exchange, 500, "broken");
            } else if (path.startsWith("/html/")) {
                send(exchange, 200, "<!DOCTYPE html><html><body>login " + SECRET + "</body></html>");
            } else if (path.equals("/ok/get.php")) {
                send(
                        exchange,
                        200,
                        "#EXTM3U\n#EXTINF:-1 tvg-id=\"a\" tvg-logo=\"" + base + "/a.png?token=" + SECRET
                                + "\" catchup-source=\"" + base + "/timeshift/bob/" + SECRET
                                + "/{duration}/{start}/1.ts\",A\n" + base + "/live/bob/" + SECRET + "/1.ts\n"
                                + "#EXTINF:-1 tvg-id=\"b\",B\nhttp://bob:" + SECRET + "@127.0.0.1:" + port()
                                + "/b.ts?token=" + SECRET + "\n");
            } else if (query.contains("action=get_live_categories")) {
                send(exchange, 200, "[{\"category_id\":\"1\",\"category_name\":\"UK\"}]");
            } else if (query.contains("action=get_live_streams")) {
                send(exchange, 200, "[{\"stream_id\":7,\"name\":\"X7\",\"category_id\":\"1\"}]");
            } else if (query.contains("action=")) {
                send(exchange, 200, "[]");
            } else {
                send(exchange, 200, "{\"user_info\":{\"auth\":1,\"status\":\"Active\"},\"server_info\":{}}");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        answers.add(response.body());
        return json.readTree(response.body());
    }

    private String create(String collection, String body) throws IOException {
        HttpResponse<String> created = api.post(collection, body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("id").asText();
    }

    private String m3u(String name, String url) throws IOException {
        return create("/api/v1/sources/stream", "{\"name\":\"" + name + "\",\"kind\":\"m3u\",\"url\":\"" + url + "\"}");
    }

    private String submit(String kind, String target) throws IOException {
        HttpResponse<String> submitted =
                api.post("/api/v1/jobs", "{\"kind\":\"" + kind + "\",\"target\":\"" + target + "\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        return body(submitted).get("id").asText();
    }

    private JsonNode awaitJob(String id) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job = body(api.get("/api/v1/jobs/" + id));
            String state = job.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return job;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    /**
     * What was logged so far. Background jobs go on logging while a test reads, so it reads a copy made under the
     * appender's own lock (its {@code doAppend} holds it while adding).
     */
    private List<ILoggingEvent> logged() {
        synchronized (logs) {
            return List.copyOf(logs.list);
        }
    }

    /** Collects the data of every event on {@code /api/v1/events}. */
    private void listen() throws InterruptedException {
        api.listenToEvents(line -> {
            if (line.startsWith("data:")) {
                events.add(line);
            }
        });
    }

    @Test
    void the_failures_happened_as_planned() throws IOException {
        JsonNode jobs = body(api.get("/api/v1/jobs?size=100"));

        assertThat(jobs.toString()).contains("\"failed\"", "\"succeeded\"");
        assertThat(body(api.get("/api/v1/sources/stream/" + okSource + "/status"))
                        .get("state")
                        .asText())
                .isEqualTo("succeeded");
        assertThat(body(api.get("/api/v1/sources/stream/" + xtreamSource + "/status"))
                        .get("state")
                        .asText())
                .isEqualTo("succeeded");
        assertThat(logged())
                .extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("source ingestion failed"))
                .anyMatch(m -> m.startsWith("job retried"));
    }

    @Test
    void no_api_answer_shows_the_password() throws IOException {
        List<String> shown = new ArrayList<>();
        for (String path : List.of(
                "/api/v1/sources/stream",
                "/api/v1/sources/epg",
                "/api/v1/channels",
                "/api/v1/jobs?size=100",
                "/api/v1/proxies",
                "/api/v1/proxies/" + proxy,
                "/api/v1/proxies/" + proxy + "/status",
                "/api/v1/relay/sessions",
                "/api/v1/relay/upstreams")) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            shown.add(response.body());
        }
        for (JsonNode source : body(api.get("/api/v1/sources/stream"))) {
            shown.add(api.get("/api/v1/sources/stream/" + source.get("id").asText() + "/status")
                    .body());
        }
        for (JsonNode source : body(api.get("/api/v1/sources/epg"))) {
            shown.add(api.get("/api/v1/sources/epg/" + source.get("id").asText() + "/status")
                    .body());
        }
        for (JsonNode job : body(api.get("/api/v1/jobs?size=100")).get("items")) {
            shown.add(api.get("/api/v1/jobs/" + job.get("id").asText()).body());
        }
        shown.addAll(answers);

        assertThat(String.join("\n", shown)).contains("***", "127.0.0.1").doesNotContain(SECRET);
    }

    @Test
    void no_event_shows_the_password() {
        assertThat(events).isNotEmpty();
        assertThat(events).noneMatch(event -> event.contains(SECRET));
    }

    @Test
    void no_log_line_or_logged_exception_shows_the_password() {
        assertThat(logged()).isNotEmpty();
        assertThat(logged())
                .noneSatisfy(event -> assertThat(event.getFormattedMessage()
                                + (event.getThrowableProxy() == null
                                        ? ""
                                        : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                        .contains(SECRET));
    }

    @Test
    void no_stored_job_or_ingestion_error_holds_the_password() throws Exception {
        List<String> stored = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("tvarr.db"));
                Statement query = db.createStatement()) {
            for (String table : List.of("job", "ingestion_status")) {
                try (ResultSet rows = query.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int c = 1; c <= columns.getColumnCount(); c++) {
                            stored.add(String.valueOf(rows.getObject(c)));
                        }
                    }
                }
            }
        }

        assertThat(stored).anyMatch(value -> value.contains("***"));
        assertThat(stored).noneMatch(value -> value.contains(SECRET));
    }

    @Test
    void players_get_the_real_stream_urls() throws IOException {
        String playlist = api.get("/proxy/" + proxy + ".m3u").body();

        assertThat(playlist).contains("/live/bob/" + SECRET + "/1.ts", "token=" + SECRET);
    }

    @Test
    void a_source_sent_back_as_shown_keeps_its_password() throws IOException {
        for (String source : List.of(okSource, xtreamSource)) {
            JsonNode shown = body(api.get("/api/v1/sources/stream/" + source));
            String sentBack = json.createObjectNode()
                    .put("name", shown.get("name").asText())
                    .put("kind", shown.get("kind").asText())
                    .put("url", shown.get("url").asText())
                    .set("username", shown.get("username"))
                    .toString()
                    .replace("}", ",\"password\":" + shown.get("password") + "}");
            HttpResponse<String> updated = api.put("/api/v1/sources/stream/" + source, sentBack);
            assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);

            JsonNode job = awaitJob(submit("source_ingest", source));

            assertThat(job.get("state").asText()).as(job.toString()).isEqualTo("succeeded");
        }
    }
}
