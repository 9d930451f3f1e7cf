package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.persistence.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code tvarr serve} processes on one real database, as a deployment runs them: each its own port, instance
 * id and data directory. A schedule of two slots runs; the instance ingesting a guide that trickles in is killed
 * (SIGKILL) in the middle of it. Everything is checked through each instance's REST API, as an operator would see
 * it. Subclasses only supply the database.
 */
abstract class SeveralProcessesContract {
    private static final String PASSWORD = "several-processes-1";
    /** Three JVMs starting and migrating one database together, on two cores shared with other builds. */
    private static final Duration START_WAIT = Duration.ofMinutes(4);

    private static final Duration LEASE = Duration.ofSeconds(10);
    /** A slot's jobs, a take-over after the lease, on two shared cores. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private TestDatabase database;
    private TricklingProvider provider;
    private final List<TvarrProcess> processes = new ArrayList<>();
    private final List<ApiClient> apis = new ArrayList<>();
    private int createdSoFar;

    abstract TestDatabase createDatabase();

    @BeforeEach
    void three_instances_on_one_database() throws Exception {
        database = createDatabase();
        provider = new TricklingProvider("slow");
        Map<ConfigKey, String> settings = new EnumMap<>(ConfigKey.class);
        settings.put(ConfigKey.DATABASE_URL, database.url());
        settings.put(ConfigKey.SERVER_HOST, "127.0.0.1");
        settings.put(ConfigKey.SERVER_PORT, "0");
        settings.put(ConfigKey.HDHOMERUN_DISCOVERY_PORT, "0");
        settings.put(ConfigKey.HDHOMERUN_SSDP_PORT, "0");
        settings.put(ConfigKey.ADMIN_PASSWORD, PASSWORD);
        // behind a load balancer every instance names the balancer's address in what it publishes
        settings.put(ConfigKey.SERVER_BASE_URL, "http://tv.example:8080");
        // the test polls the jobs several times a second: its requests would push everything else out of the logs
        settings.put(ConfigKey.SERVER_ACCESS_LOG, "false");
        settings.put(ConfigKey.INSTANCE_LEASE_SECONDS, Long.toString(LEASE.toSeconds()));
        settings.put(ConfigKey.JOBS_SCHEDULER_TICK_SECONDS, "1");
        settings.put(ConfigKey.JOBS_RETRY_DELAY_SECONDS, "1");
        // all three at once, as a deployment starts them: they migrate the empty database and make the admin together
        for (int i = 1; i <= 3; i++) {
            processes.add(TvarrProcess.start("node-" + i, dir, settings));
        }
        List<Integer> ports = new ArrayList<>();
        Instant deadline = Instant.now().plus(START_WAIT);
        for (TvarrProcess process : processes) {
            try {
                ports.add(process.awaitPort(Duration.between(Instant.now(), deadline)));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\nthe other instances:" + logs(), e);
            }
        }
        String key = apiKey(ports.get(0));
        ports.forEach(port -> apis.add(new ApiClient(port, key)));
    }

    @AfterEach
    void stop() throws Exception {
        for (TvarrProcess process : processes) {
            process.close();
        }
        if (provider != null) {
            provider.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** A source or guide the schedule runs: its id, and the provider's path it downloads. */
    private record Target(String id, String path) {}

    @Test
    void every_slot_runs_once_and_a_killed_instances_job_is_finished_by_another() throws Exception {
        Instant first =
                Instant.now().plusSeconds(15).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        Instant second = first.plus(Duration.ofMinutes(1));
        String schedule = minute(first) + "," + minute(second) + " * * * *";
        Target quick1 = create("/api/v1/sources/stream", "quick-1", "m3u", schedule);
        Target quick2 = create("/api/v1/sources/stream", "quick-2", "m3u", schedule);
        Target slow = create("/api/v1/sources/epg", "slow", "xmltv", schedule);
        String proxy = proxy(quick1, quick2);

        await("the first slot: the quick sources done, the slow guide trickling in", first, () -> {
            List<JsonNode> slowJobs = jobsOf(slow);
            return succeeded(quick1) == 1
                    && succeeded(quick2) == 1
                    && slowJobs.size() == 1
                    && state(slowJobs.get(0)).equals("running")
                    && provider.trickled() > 0;
        });
        JsonNode stuck = jobsOf(slow).get(0);
        TvarrProcess victim = process(stuck.get("instance").asText());
        victim.kill();

        await("the slow guide taken over after the lease and finished", Instant.now(), () -> succeeded(slow) == 1);
        assertThat(Instant.now())
                .as("the take-over ended before the second slot")
                .isBefore(second);
        await(
                "the second slot's runs, all finished",
                second,
                () -> succeeded(quick1) == 2
                        && succeeded(quick2) == 2
                        && succeeded(slow) == 2
                        && jobs(alive().get(0)).stream().noneMatch(SeveralProcessesContract::unfinished));

        everySlotRanOnce(List.of(quick1, quick2), slow, List.of(first, second));
        theKilledJobWasFinishedByAnother(stuck, victim);
        everyInstanceAnswersTheSameJobs();
        everyInstanceServesTheSameOutputs(proxy);
    }

    /**
     * One job per slot and target, as many downloads as attempts (nothing ran unrecorded), and one claim in the store
     * for each slot. The slow guide ran three times: the killed run, its take-over, the second slot.
     */
    private void everySlotRanOnce(List<Target> quick, Target slow, List<Instant> slots) throws SQLException {
        for (Target target : quick) {
            List<JsonNode> jobs = jobsOf(target);
            assertThat(jobs)
                    .as(target.path())
                    .hasSize(slots.size())
                    .allMatch(job -> state(job).equals("succeeded"));
            assertThat(provider.requests(target.path()))
                    .as("downloads of " + target.path())
                    .isEqualTo(jobs.stream()
                            .mapToInt(job -> job.get("attempts").asInt())
                            .sum());
        }
        assertThat(jobsOf(slow)).extracting(this::state).containsExactly("succeeded", "succeeded", "failed");
        assertThat(provider.requests(slow.path())).isEqualTo(3);
        for (Target target : concat(quick, slow)) {
            assertThat(claimedSlots(target))
                    .as("slots claimed for " + target.path())
                    .containsExactlyElementsOf(slots);
        }
    }

    private void theKilledJobWasFinishedByAnother(JsonNode stuck, TvarrProcess victim) {
        JsonNode cutOff =
                body(alive().get(0).get("/api/v1/jobs/" + stuck.get("id").asText()));
        assertThat(state(cutOff)).isEqualTo("failed");
        assertThat(cutOff.get("error").asText())
                .isEqualTo("interrupted: instance " + victim.id() + " stopped while the job ran");
        JsonNode takeOver = jobs(alive().get(0)).stream()
                .filter(job -> job.get("target").equals(stuck.get("target")))
                .toList()
                .get(1);
        assertThat(state(takeOver)).isEqualTo("succeeded");
        assertThat(takeOver.get("instance").asText()).isNotEqualTo(victim.id()).startsWith("node-");
        assertThat(Instant.parse(takeOver.get("startedAt").asText()))
                .isAfterOrEqualTo(Instant.parse(cutOff.get("finishedAt").asText()));
    }

    private void everyInstanceAnswersTheSameJobs() {
        List<ApiClient> alive = alive();
        assertThat(alive).hasSize(2);
        JsonNode expected = body(alive.get(0).get("/api/v1/jobs?size=500")).get("items");
        for (ApiClient api : alive.subList(1, alive.size())) {
            assertThat(body(api.get("/api/v1/jobs?size=500")).get("items")).isEqualTo(expected);
        }
    }

    /** The proxy's playlist and guide, byte for byte the same from every instance. */
    private void everyInstanceServesTheSameOutputs(String proxy) {
        List<ApiClient> alive = alive();
        for (String file : List.of(".m3u", ".xmltv")) {
            HttpResponse<byte[]> expected = alive.get(0).getBytes("/proxy/" + proxy + file);
            assertThat(expected.statusCode()).as(file).isEqualTo(200);
            for (ApiClient api : alive.subList(1, alive.size())) {
                assertThat(api.getBytes("/proxy/" + proxy + file).body())
                        .as(file + " from another instance")
                        .isEqualTo(expected.body());
            }
        }
        assertThat(new String(alive.get(0).getBytes("/proxy/" + proxy + ".m3u").body(), StandardCharsets.UTF_8))
                .contains("#EXTINF", "http://up.example/1.ts");
    }

    /** Logs in as the admin the instances made from the configured password, and makes an admin API key. */
    private String apiKey(int port) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("tvarr_session="))
                .findFirst()
                .orElseThrow();
        HttpResponse<String> created = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/api-keys"))
                        .header("Content-Type", "application/json")
                        .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                        .header(
                                "X-CSRF-Token",
                                json.readTree(login.body()).get("csrfToken").asText())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"test\",\"scope\":\"admin\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).get("token").asText();
    }

    /** Creates a source or guide through one of the instances (each takes a turn). */
    private Target create(String path, String name, String kind, String schedule) {
        String url = kind.equals("m3u") ? provider.playlistUrl(name) : provider.guideUrl(name);
        HttpResponse<String> created = apis.get(created() % apis.size())
                .post(
                        path,
                        "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\",\"url\":\"" + url + "\",\"schedule\":\""
                                + schedule + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new Target(body(created).get("id").asText(), URI.create(url).getPath());
    }

    private int created() {
        return createdSoFar++;
    }

    /** A proxy over both playlists, regenerated whenever one is ingested: the outputs every instance should serve. */
    private String proxy(Target... sources) {
        String ids = String.join(
                "\",\"", java.util.Arrays.stream(sources).map(Target::id).toList());
        HttpResponse<String> created =
                apis.get(0).post("/api/v1/proxies", "{\"name\":\"Shared\",\"sources\":[\"" + ids + "\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return body(created).get("id").asText();
    }

    private static List<Target> concat(List<Target> some, Target one) {
        List<Target> all = new ArrayList<>(some);
        all.add(one);
        return all;
    }

    /** The jobs of a target, newest first, as the first instance alive answers them. */
    private List<JsonNode> jobsOf(Target target) {
        return jobs(alive().get(0)).stream()
                .filter(job -> job.get("target").asText().equals(target.id()))
                .toList();
    }

    private List<JsonNode> jobs(ApiClient api) {
        JsonNode items = body(api.get("/api/v1/jobs?size=500")).get("items");
        return StreamSupport.stream(items.spliterator(), false).toList();
    }

    private long succeeded(Target target) {
        return jobsOf(target).stream()
                .filter(job -> state(job).equals("succeeded"))
                .count();
    }

    private String state(JsonNode job) {
        return job.get("state").asText();
    }

    private static boolean unfinished(JsonNode job) {
        String state = job.get("state").asText();
        return state.equals("queued") || state.equals("running");
    }

    private List<ApiClient> alive() {
        List<ApiClient> alive = new ArrayList<>();
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).alive()) {
                alive.add(apis.get(i));
            }
        }
        return alive;
    }

    private TvarrProcess process(String instance) {
        return processes.stream()
                .filter(p -> p.id().equals(instance))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no instance named " + instance));
    }

    /** The slots the store holds claims for, for one target, in time order (read straight from the table). */
    private List<Instant> claimedSlots(Target target) throws SQLException {
        List<Instant> slots = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(database.url());
                PreparedStatement statement =
                        connection.prepareStatement("SELECT slot FROM job_slot WHERE target = ? ORDER BY slot")) {
            statement.setString(1, target.id());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    slots.add(Instant.ofEpochMilli(rows.getLong(1)));
                }
            }
        }
        return slots;
    }

    private JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private static int minute(Instant at) {
        return at.atZone(ZoneOffset.UTC).getMinute();
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private String logs() {
        StringBuilder logs = new StringBuilder();
        processes.forEach(
                p -> logs.append("\n--- ").append(p.id()).append(":\n").append(p.logTail()));
        return logs.toString();
    }

    /** Polls until the condition holds, failing with the jobs and the instances' logs {@link #WAIT} after {@code from}. */
    private void await(String what, Instant from, Condition condition) throws Exception {
        Instant deadline = from.plus(WAIT);
        while (!condition.holds()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited for: " + what + "\njobs: " + jobs(alive().get(0)) + logs());
            }
            Thread.sleep(200);
        }
    }
}
