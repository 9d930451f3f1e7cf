package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs over the API: running one now, its history, the regeneration it causes, the schedule and live events. */
class JobApiIT {
    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TvarrApplication app;
    private ApiClient api;
    private Path playlist;

    @BeforeEach
    void start() throws IOException {
        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        playlist = Files.writeString(inputs.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="one",One
                http://up.example/1.ts
                """);
        Map<ConfigKey, String> flags = new EnumMap<>(ConfigKey.class);
        flags.put(ConfigKey.SERVER_PORT, "0");
        flags.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        flags.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigKey.DATA_DIR, dir.resolve("data").toString());
        flags.put(ConfigKey.SOURCES_ALLOWED_DIRS, inputs.toString());
        flags.put(ConfigKey.INSTANCE_ID, "den-1");
        app = TvarrApplication.start(new ConfigLoader().load(null, Map.of(), flags));
        api = new ApiClient(app);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private JsonNode awaitJob(String id) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
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

    @Test
    void a_job_names_the_instance_that_ran_it() throws Exception {
        String source = body(api.post(
                        "/api/v1/sources/stream",
                        "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri() + "\"}"))
                .get("id")
                .asText();

        JsonNode submitted =
                body(api.post("/api/v1/jobs", "{\"kind\":\"source_ingest\",\"target\":\"" + source + "\"}"));
        JsonNode done = awaitJob(submitted.get("id").asText());

        assertThat(done.get("instance").asText()).isEqualTo("den-1");
        assertThat(body(api.get("/api/v1/jobs?kind=source_ingest"))
                        .get("items")
                        .get(0)
                        .get("instance")
                        .asText())
                .isEqualTo("den-1");
    }

    @Test
    void an_invalid_schedule_is_refused_with_what_is_wrong() throws IOException {
        HttpResponse<String> response = api.post(
                "/api/v1/sources/stream",
                "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri()
                        + "\",\"schedule\":\"every six hours\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).contains("schedule", "every six hours", "5 fields");
    }

    @Test
    void a_job_run_now_is_recorded_and_its_success_regenerates_the_proxies_using_the_source() throws Exception {
        String source = body(api.post(
                        "/api/v1/sources/stream",
                        "{\"name\":\"P\",\"kind\":\"m3u\",\"url\":\"" + playlist.toUri()
                                + "\",\"schedule\":\"@daily\"}"))
                .get("id")
                .asText();
        String proxy = body(api.post("/api/v1/proxies", "{\"name\":\"Den\",\"sources\":[\"" + source + "\"]}"))
                .get("id")
                .asText();
        BlockingQueue<String> events = listen();

        HttpResponse<String> submitted =
                api.post("/api/v1/jobs", "{\"kind\":\"source_ingest\",\"target\":\"" + source + "\"}");

        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        JsonNode done = awaitJob(body(submitted).get("id").asText());
        assertThat(done.get("state").asText()).isEqualTo("succeeded");
        assertThat(done.get("summary").get("records").asInt()).isEqualTo(1);
        JsonNode generation = awaitGeneration(proxy);
        assertThat(generation.get("state").asText()).isEqualTo("succeeded");
        assertThat(generation.get("summary").get("channels").asInt()).isEqualTo(1);
        assertThat(body(api.get("/api/v1/jobs?kind=source_ingest&state=succeeded"))
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        String event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).isNotNull().contains("\"kind\":\"source_ingest\"");
        JsonNode schedule = body(api.get("/api/v1/jobs/schedule"));
        assertThat(schedule).anySatisfy(t -> {
            assertThat(t.get("target").asText()).isEqualTo(source);
            assertThat(t.get("schedule").asText()).isEqualTo("@daily");
            assertThat(t.get("nextRun").asText()).isNotEmpty();
        });
        HttpResponse<String> cancelDone =
                api.post("/api/v1/jobs/" + done.get("id").asText() + "/cancel", "");
        assertThat(cancelDone.statusCode()).isEqualTo(409);
    }

    @Test
    void events_without_accept_event_stream_are_a_406_saying_what_to_send() throws IOException {
        HttpResponse<String> response = api.get("/api/v1/events");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body())
                .contains("\"type\":\"https://tvarr.io/problems/not-acceptable\"")
                .contains("Accept: expected text/event-stream, found none");
    }

    @Test
    void malformed_job_requests_name_the_problem() throws IOException {
        assertThat(api.get("/api/v1/jobs?state=sleeping").statusCode()).isEqualTo(400);
        HttpResponse<String> unknownTarget = api.post(
                "/api/v1/jobs", "{\"kind\":\"proxy_generate\",\"target\":\"00000000-0000-0000-0000-000000000009\"}");
        assertThat(unknownTarget.statusCode()).isEqualTo(400);
        assertThat(body(unknownTarget).get("detail").asText()).contains("does not exist");
        HttpResponse<String> badKind = api.post("/api/v1/jobs", "{\"kind\":\"reboot\"}");
        assertThat(body(badKind).get("detail").asText()).contains("kind", "source_ingest");
        assertThat(api.get("/api/v1/jobs/00000000-0000-0000-0000-000000000009").statusCode())
                .isEqualTo(404);
    }

    private JsonNode awaitGeneration(String proxy) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode job :
                    body(api.get("/api/v1/jobs?kind=proxy_generate")).get("items")) {
                if (job.get("target").asText().equals(proxy)
                        && job.get("state").asText().equals("succeeded")) {
                    return job;
                }
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new AssertionError("no generation of " + proxy + " finished");
    }

    /** Connects to the event stream and hands over each {@code data:} line of a {@code job} event. */
    private BlockingQueue<String> listen() throws InterruptedException {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        boolean[] job = {false};
        api.listenToEvents(line -> {
            if (line.equals("event: job")) {
                job[0] = true;
            } else if (job[0] && line.startsWith("data:")) {
                events.add(line.substring(5).strip());
                job[0] = false;
            }
        });
        return events;
    }
}
