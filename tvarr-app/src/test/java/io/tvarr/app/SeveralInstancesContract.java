package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.account.port.in.CreateOutputUserCommand;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.job.JobState;
import io.tvarr.domain.logo.LogoCacheResult;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.LineupChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.TunerSettings;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.LastKnownCodec;
import io.tvarr.domain.relay.TunerStatus;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.domain.xtream.XtreamLogin;
import io.tvarr.domain.xtream.XtreamPlay;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelCommand;
import io.tvarr.persistence.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three tvarr cores in this JVM on one real database, as three instances of a deployment: each its own data
 * directory, its own connections, the same (test-driven) clock. One of them is "killed" mid-job by cutting its
 * database connections: it can no longer renew its lease nor store anything, as if its process had died. Subclasses
 * only supply the database.
 */
abstract class SeveralInstancesContract {
    /** Half a minute before a slot of the every-minute schedule the sources use. */
    private static final Instant T0 = Instant.parse("2026-06-10T07:00:30Z");

    private static final Duration LEASE = Duration.ofMinutes(5);
    /** A PNG as the provider serves it: the signature, then bytes no other logo has. */
    private static final byte[] LOGO = logo();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter XMLTV_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private TestDatabase database;
    private HttpServer provider;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final CountDownLatch releaseStuck = new CountDownLatch(1);
    private final MovableClock clock = new MovableClock(T0);
    private final List<CuttableDataSource> connections = new ArrayList<>();
    private final List<Tvarr> instances = new ArrayList<>();
    private volatile int killed = -1;
    /** The live channel of the one-connection and unlimited accounts. */
    private LiveChannelProvider live;
    /** Changes the channel's name in every playlist served from now on, so a new generation differs. */
    private volatile String edition = "";

    abstract TestDatabase createDatabase();

    private static byte[] logo() {
        byte[] bytes = new byte[3000];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        for (int i = signature.length; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /**
     * Connections straight from the driver, until cut: then the open ones are dropped (the database rolls back what
     * they held, as when a process dies) and every new one is refused.
     */
    static final class CuttableDataSource implements DataSource {
        private final String url;
        private final List<Connection> open = new ArrayList<>();
        private boolean cut;

        CuttableDataSource(String url) {
            this.url = url;
        }

        synchronized void cut() throws SQLException {
            cut = true;
            for (Connection connection : open) {
                if (!connection.isClosed()) {
                    connection.abort(Runnable::run);
                }
            }
        }

        @Override
        public synchronized Connection getConnection() throws SQLException {
            if (cut) {
                throw new SQLException("connection refused: this instance was killed by the test");
            }
            open.removeIf(connection -> {
                try {
                    return connection.isClosed();
                } catch (SQLException e) {
                    return true;
                }
            });
            Connection connection = DriverManager.getConnection(url);
            open.add(connection);
            return connection;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @BeforeEach
    void three_instances_on_one_database() throws IOException {
        database = createDatabase();
        database.persistence().migrate();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", this::answer);
        provider.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        provider.start();
        live = LiveChannelProvider.start();
        for (int i = 1; i <= 3; i++) {
            CuttableDataSource source = new CuttableDataSource(database.url());
            connections.add(source);
            instances.add(Tvarr.builder()
                    .dataDir(dir.resolve("instance-" + i))
                    .dataSource(source)
                    .migrate(false)
                    .clock(clock)
                    .scheduler(true)
                    .schedulerTick(Duration.ofMillis(200))
                    .instance(new InstanceSettings("instance-" + i, LEASE, Duration.ofMillis(200)))
                    .tuners(new TunerSettings(null, 1))
                    .build());
        }
    }

    @AfterEach
    void stop() throws IOException {
        releaseStuck.countDown();
        instances.forEach(Tvarr::close);
        if (provider != null) {
            provider.stop(0);
        }
        if (live != null) {
            live.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /**
     * Serves every playlist and the guide at once, except the first request for the guide: that hangs until the test
     * ends. (The slow job is a guide's: a channel source's ingestion hanging inside its write would hold MariaDB gap
     * locks the other sources' writes wait on, whatever the number of instances.)
     */
    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/partial.xml")) {
            answerPartly(exchange);
            return;
        }
        int seen = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.equals("/logo.png")) {
            try (exchange) {
                exchange.getResponseHeaders().set("Content-Type", "image/png");
                exchange.sendResponseHeaders(200, LOGO.length);
                exchange.getResponseBody().write(LOGO);
            }
            return;
        }
        if (path.equals("/slow.xml") && seen == 1) {
            try {
                releaseStuck.await(5, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text = path.endsWith(".xml")
                ? "<?xml version=\"1.0\"?>\n<tv><channel id=\"one\"><display-name>One</display-name></channel>"
                        + "<programme channel=\"one\" start=\"20260610060000 +0000\" stop=\"20260611060000 +0000\">"
                        + "<title>All day</title></programme></tv>\n"
                : path.equals("/one-connection.m3u") || path.equals("/unlimited.m3u")
                        ? "#EXTM3U\n#EXTINF:-1 tvg-id=\"live\",Live\n" + live.url() + "\n"
                        : "#EXTM3U\n#EXTINF:-1 tvg-id=\"one\",One" + path + edition + "\nhttp://up.example/1.ts\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "audio/x-mpegurl");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // the killed instance's hung request may be gone already
        }
    }

    /** A guide whose first part comes at once and whose end only when the test ends: its ingestion stays running. */
    private void answerPartly(HttpExchange exchange) throws IOException {
        StringBuilder text = new StringBuilder(
                "<?xml version=\"1.0\"?>\n<tv><channel id=\"one\"><display-name>One</display-name></channel>\n");
        for (int hour = 0; hour < 2000; hour++) {
            Instant start = T0.plus(Duration.ofHours(hour));
            text.append("<programme channel=\"one\" start=\"")
                    .append(XMLTV_TIME.format(start))
                    .append(" +0000\" stop=\"")
                    .append(XMLTV_TIME.format(start.plus(Duration.ofHours(1))))
                    .append(" +0000\"><title>Hour ")
                    .append(hour)
                    .append("</title></programme>\n");
        }
        try (exchange) {
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().write(text.toString().getBytes(StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            releaseStuck.await(5, TimeUnit.MINUTES);
            exchange.getResponseBody().write("</tv>\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the instance reading it may be gone already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private StreamSource source(String name) {
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/" + name + ".m3u";
        return instances
                .get(0)
                .sources()
                .create(SaveStreamSourceCommand.m3u(name, url).withSchedule("* * * * *"));
    }

    /** An instance still alive, to ask through. */
    private Tvarr alive() {
        return instances.get(killed == 0 ? 1 : 0);
    }

    private EpgSource guide(String name) {
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/" + name + ".xml";
        return instances
                .get(0)
                .guides()
                .create(SaveEpgSourceCommand.xmltv(name, url).withSchedule("* * * * *"));
    }

    private List<Job> jobsOf(StreamSource source) {
        return jobsOf(JobKind.SOURCE_INGEST, source.id().toString());
    }

    private List<Job> jobsOf(EpgSource guide) {
        return jobsOf(JobKind.EPG_INGEST, guide.id().toString());
    }

    private List<Job> jobsOf(JobKind kind, String target) {
        return alive().jobs().list(null, kind, 0, 100).items().stream()
                .filter(job -> job.target().equals(target))
                .toList();
    }

    private List<Job> allJobs() {
        return alive().jobs().list(null, null, 0, 500).items();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for: " + what);
            }
            Thread.sleep(50);
        }
    }

    private Tvarr instanceNamed(String id) {
        return instances.stream()
                .filter(t -> t.instance().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static int attempts(List<Job> jobs) {
        return jobs.stream().mapToInt(Job::attempts).sum();
    }

    private long slotClaims() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT COUNT(*) FROM job_slot WHERE kind IN ('SOURCE_INGEST', 'EPG_INGEST')")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void every_slot_runs_once_and_a_killed_instances_job_is_finished_by_another() throws Exception {
        StreamSource quick1 = source("quick-1");
        StreamSource quick2 = source("quick-2");
        EpgSource slow = guide("slow");
        Thread.sleep(600); // every instance ticks at least once before the slot: each knows the next run is 07:01

        clock.set(Instant.parse("2026-06-10T07:01:00Z"));
        await("the 07:01 runs: two done, the slow one hanging", () -> {
            List<Job> slowJobs = jobsOf(slow);
            return slowJobs.size() == 1
                    && slowJobs.get(0).state() == JobState.RUNNING
                    && jobsOf(quick1).stream().anyMatch(j -> j.state() == JobState.SUCCEEDED)
                    && jobsOf(quick2).stream().anyMatch(j -> j.state() == JobState.SUCCEEDED);
        });
        Job stuck = jobsOf(slow).get(0);
        String killedName = stuck.instance();
        assertThat(killedName).startsWith("instance-");
        killed = instances.indexOf(instanceNamed(killedName));
        connections.get(killed).cut();

        // past the killed instance's lease, and past the 07:02 slot (one run for all the slots missed since)
        clock.set(Instant.parse("2026-06-10T07:07:00Z"));
        await("the 07:02 runs and the take-over of the slow job, all finished", () -> {
            List<Job> jobs = allJobs();
            return jobsOf(quick1).size() == 2
                    && jobsOf(quick2).size() == 2
                    && jobsOf(slow).stream().anyMatch(j -> j.state() == JobState.SUCCEEDED)
                    && jobs.stream().allMatch(j -> j.state().isFinal());
        });
        Thread.sleep(1000); // five more ticks on each instance: nothing else may run

        assertThat(jobsOf(quick1)).hasSize(2).allMatch(j -> j.state() == JobState.SUCCEEDED);
        assertThat(jobsOf(quick2)).hasSize(2).allMatch(j -> j.state() == JobState.SUCCEEDED);
        // one download per attempt of those jobs: nothing ran unrecorded (a job may try again after a failure)
        assertThat(requests.get("/quick-1.m3u")).hasValue(attempts(jobsOf(quick1)));
        assertThat(requests.get("/quick-2.m3u")).hasValue(attempts(jobsOf(quick2)));
        assertThat(slotClaims()).isEqualTo(6);
        Job cutOff = alive().jobs().get(stuck.id());
        assertThat(cutOff.state()).isEqualTo(JobState.FAILED);
        assertThat(cutOff.error()).isEqualTo("interrupted: instance " + killedName + " stopped while the job ran");
        assertThat(jobsOf(slow))
                .filteredOn(j -> j.state() == JobState.SUCCEEDED)
                .isNotEmpty()
                .allSatisfy(
                        j -> assertThat(j.instance()).isNotEqualTo(killedName).startsWith("instance-"));
    }

    @Test
    void a_one_connection_account_gets_one_connection_whichever_instance_a_player_asks() throws Exception {
        String url = "http://127.0.0.1:" + provider.getAddress().getPort() + "/one-connection.m3u";
        StreamSource source = instances
                .get(0)
                .sources()
                .create(SaveStreamSourceCommand.m3u("one-connection", url).withMaxConcurrentStreams(1));
        instances.get(0).sourceIngestion().ingest(source.id());
        ProxyId proxy = instances
                .get(0)
                .proxies()
                .create(SaveProxyCommand.named("shared")
                        .withSources(source.id())
                        .withDelivery(DeliveryMode.PROXY, null))
                .id();
        instances.forEach(t -> t.generation().generate(proxy));
        String channel = channelOf(instances.get(0), proxy);

        try (InputStream watching = instances.get(0).openChannel(proxy.toString(), channel)) {
            assertThat(watching.readNBytes(188)).hasSize(188);

            for (Tvarr other : instances.subList(1, 3)) {
                assertThatThrownBy(() -> other.openChannel(proxy.toString(), channel))
                        .isInstanceOf(UnavailableException.class)
                        .hasMessage("source 'one-connection' already uses 1 of its 1 allowed connection(s) across"
                                + " tvarr's instances (held by instance-1); stop another channel from it first");
            }
        }
        // the player left: once the session's grace period is over the connection, and its lease, are given back
        await("instance-2 plays the channel", () -> {
            try (InputStream second = instances.get(1).openChannel(proxy.toString(), channel)) {
                return second.readNBytes(188).length == 188;
            } catch (UnavailableException | IOException e) {
                return false;
            }
        });
        assertThat(live.mostOpenAtOnce()).isEqualTo(1);
    }

    /** The channel id of the proxy's only channel, as its playlist names it in the channel's URL. */
    private static String channelOf(Tvarr instance, ProxyId proxy) throws IOException {
        try (InputStream playlist = instance.openPlaylist(proxy)) {
            String text = new String(playlist.readAllBytes(), StandardCharsets.UTF_8);
            String address = text.lines()
                    .filter(line -> line.startsWith("http"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no channel in the playlist:\n" + text));
            return address.substring(address.lastIndexOf('/') + 1);
        }
    }

    private StreamProxy proxyOver(StreamSource source, EpgSource guide) {
        return instances
                .get(0)
                .proxies()
                .create(SaveProxyCommand.named("Shared")
                        .withSources(source.id())
                        .withGuides(guide.id()));
    }

    private static byte[] playlist(Tvarr tvarr, StreamProxy proxy) throws IOException {
        try (InputStream in = tvarr.openPlaylist(proxy.id())) {
            return in.readAllBytes();
        }
    }

    private static byte[] guide(Tvarr tvarr, StreamProxy proxy) throws IOException {
        try (InputStream in = tvarr.openGuide(proxy.id())) {
            return in.readAllBytes();
        }
    }

    private static List<LineupChannel> lineup(Tvarr tvarr, StreamProxy proxy) {
        List<LineupChannel> channels = new ArrayList<>();
        tvarr.lineups().forEachChannel(proxy.id(), channels::add);
        return channels;
    }

    private static List<XtreamChannel> xtreamLineup(Tvarr tvarr, StreamProxy proxy) {
        List<XtreamChannel> channels = new ArrayList<>();
        tvarr.xtreamLineups().forEachChannel(proxy.id(), channels::add);
        return channels;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void awaitNoJobRunning() throws InterruptedException {
        await(
                "every job finished",
                () -> allJobs().stream().allMatch(j -> j.state().isFinal()));
    }

    @Nested
    class Outputs {
        @Test
        void a_generation_on_one_instance_is_served_byte_for_byte_by_the_others() throws Exception {
            StreamSource source = instances.get(0).sources().create(SaveStreamSourceCommand.m3u("tv", url("tv.m3u")));
            EpgSource epg = instances.get(0).guides().create(SaveEpgSourceCommand.xmltv("epg", url("epg.xml")));
            Tvarr a = instances.get(0);
            Tvarr b = instances.get(1);
            a.sourceIngestion().ingest(source.id());
            a.guideIngestion().ingest(epg.id());
            StreamProxy proxy = proxyOver(source, epg);

            a.generation().generate(proxy.id());

            assertThat(text(playlist(b, proxy))).contains("One/tv.m3u").isEqualTo(text(playlist(a, proxy)));
            assertThat(text(guide(b, proxy))).contains("All day").isEqualTo(text(guide(a, proxy)));
            assertThat(lineup(b, proxy)).hasSize(1).isEqualTo(lineup(a, proxy));
            assertThat(xtreamLineup(b, proxy)).hasSize(1).isEqualTo(xtreamLineup(a, proxy));
            assertThat(playlist(instances.get(2), proxy)).isEqualTo(playlist(a, proxy));
        }

        @Test
        void a_newer_generation_on_another_instance_replaces_the_one_served() throws Exception {
            StreamSource source = instances.get(0).sources().create(SaveStreamSourceCommand.m3u("tv", url("tv.m3u")));
            EpgSource epg = instances.get(0).guides().create(SaveEpgSourceCommand.xmltv("epg", url("epg.xml")));
            Tvarr a = instances.get(0);
            Tvarr b = instances.get(1);
            a.sourceIngestion().ingest(source.id());
            a.guideIngestion().ingest(epg.id());
            StreamProxy proxy = proxyOver(source, epg);
            a.generation().generate(proxy.id());
            assertThat(text(playlist(a, proxy))).contains("One/tv.m3u\n");

            edition = " (renamed)";
            b.sourceIngestion().ingest(source.id());
            awaitNoJobRunning(); // the refresh regenerates the proxy on some instance; B's own generation comes after
            b.generation().generate(proxy.id());

            assertThat(text(playlist(a, proxy)))
                    .contains("One/tv.m3u (renamed)")
                    .isEqualTo(text(playlist(b, proxy)));
            assertThat(lineup(a, proxy)).isEqualTo(lineup(b, proxy));
            assertThat(lineup(a, proxy).get(0).name()).isEqualTo("One/tv.m3u (renamed)");
        }

        @Test
        void an_instance_never_goes_back_to_an_older_generation_than_it_served() throws Exception {
            StreamSource source = instances.get(0).sources().create(SaveStreamSourceCommand.m3u("tv", url("tv.m3u")));
            EpgSource epg = instances.get(0).guides().create(SaveEpgSourceCommand.xmltv("epg", url("epg.xml")));
            Tvarr a = instances.get(0);
            Tvarr b = instances.get(1);
            a.sourceIngestion().ingest(source.id());
            a.guideIngestion().ingest(epg.id());
            StreamProxy proxy = proxyOver(source, epg);
            a.generation().generate(proxy.id());
            byte[] served = playlist(b, proxy);
            // the store loses the newest generation and holds an older-numbered one with other content, as after a
            // restore of an older backup
            Path older = dir.resolve("older-playlist.m3u");
            Files.writeString(older, "#EXTM3U\n#EXTINF:-1,Older\nhttp://up.example/old.ts\n");
            try (Connection connection = DriverManager.getConnection(database.url());
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("DELETE FROM proxy_output_chunk");
                statement.executeUpdate("DELETE FROM proxy_output");
            }
            database.persistence()
                    .publishedOutputs()
                    .insertGeneration(proxy.id(), "restored", Map.of("playlist.m3u", older));

            assertThat(playlist(b, proxy)).isEqualTo(served);
            assertThat(playlist(a, proxy)).isEqualTo(served);
            assertThat(text(playlist(instances.get(2), proxy))).contains("Older");
        }
    }

    @Nested
    class Progress {
        @Test
        void a_job_running_on_one_instance_shows_its_progress_on_the_others() throws Exception {
            EpgSource partial =
                    instances.get(0).guides().create(SaveEpgSourceCommand.xmltv("partial", url("partial.xml")));
            Job submitted = instances
                    .get(0)
                    .jobs()
                    .submit(JobKind.EPG_INGEST, partial.id().toString());

            await("the job running somewhere with bytes read", () -> {
                Job job = alive().jobs().get(submitted.id());
                return job.state() == JobState.RUNNING
                        && instanceNamed(job.instance())
                                        .jobs()
                                        .progress(job)
                                        .counts()
                                        .getOrDefault("bytes_read", 0L)
                                > 0;
            });
            Job running = alive().jobs().get(submitted.id());
            Tvarr runner = instanceNamed(running.instance());
            Tvarr other =
                    instances.stream().filter(t -> t != runner).findFirst().orElseThrow();

            await(
                    "the progress shown by another instance",
                    () -> other.jobs()
                                    .progress(other.jobs().get(submitted.id()))
                                    .counts()
                                    .getOrDefault("bytes_read", 0L)
                            > 0);
            assertThat(other.jobs().progress(other.jobs().get(submitted.id())).counts())
                    .containsKeys("bytes_read", "records_read");
        }
    }

    /**
     * A proxy over a source without a connection limit (the provider takes any number of streams), generated on every
     * instance: only the output user's limit and the HDHomeRun device's one tuner hold its viewers back.
     */
    private ProxyId unlimitedProxy() {
        StreamSource source =
                instances.get(0).sources().create(SaveStreamSourceCommand.m3u("unlimited", url("unlimited.m3u")));
        instances.get(0).sourceIngestion().ingest(source.id());
        ProxyId proxy = instances
                .get(0)
                .proxies()
                .create(SaveProxyCommand.named("players")
                        .withSources(source.id())
                        .withDelivery(DeliveryMode.PROXY, null))
                .id();
        instances.forEach(t -> t.generation().generate(proxy));
        return proxy;
    }

    private final java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newCachedThreadPool();

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    /** The user's stream of the proxy's only channel on {@code instance}: what the Xtream door answers. */
    private static XtreamPlay xtreamPlay(Tvarr instance, ProxyId proxy, String client) {
        int streamId = xtreamLineupOf(instance, proxy).get(0).streamId();
        return instance.xtreamPlayer()
                .play(new PlayXtreamChannelCommand("alice", "secret1", streamId, new ClientInfo(client, "player")));
    }

    private static List<XtreamChannel> xtreamLineupOf(Tvarr tvarr, ProxyId proxy) {
        List<XtreamChannel> channels = new ArrayList<>();
        tvarr.xtreamLineups().forEachChannel(proxy, channels::add);
        return channels;
    }

    private InputStream watch(XtreamPlay play) {
        assertThat(play).isInstanceOf(XtreamPlay.Playing.class);
        return ChannelPipe.open((Playback.Stream) ((XtreamPlay.Playing) play).playback(), readers);
    }

    /**
     * The proxy's only channel as an HDHomeRun client tunes it on {@code instance}. The channel was last found
     * H.264/AAC, so a tuner passes it through as it is (the provider's null packets give FFmpeg nothing to convert).
     */
    private InputStream tune(Tvarr instance, ProxyId proxy, String channel, String client) {
        database.persistence()
                .lastKnownCodecs()
                .upsert(new LastKnownCodec(ChannelId.parse(channel), "h264", "aac", 1280, 720, 0, clock.instant()));
        Playback playback = instance.play()
                .play(new PlayChannelCommand(proxy.toString(), channel, new ClientInfo(client, "hdhr"), true));
        return ChannelPipe.open((Playback.Stream) playback, readers);
    }

    /** Reads until the stream ends or fails: the instance ended it. */
    private static boolean endsWhileRead(InputStream stream) {
        Instant deadline = Instant.now().plus(WAIT);
        byte[] buffer = new byte[8192];
        try {
            while (Instant.now().isBefore(deadline)) {
                if (stream.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Hands every lease {@code from} holds to another instance, as when its database was gone past the lease. The
     * taker is a fourth instance, outside this JVM: one of the three would drop the leases as its own earlier run's
     * at its first heartbeat.
     */
    private void takeLeasesOver(String from, String to) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database.url());
                Statement statement = connection.createStatement()) {
            int moved = statement.executeUpdate("UPDATE connection_lease SET instance = '" + to
                    + "', holder = 'taken-over' WHERE instance = '" + from + "'");
            assertThat(moved).isPositive();
        }
    }

    @Nested
    class Player_limits {
        @Test
        void an_output_user_of_one_connection_gets_one_stream_whichever_instance_it_asks() throws Exception {
            ProxyId proxy = unlimitedProxy();
            instances.get(0).outputUsers().create(proxy, new CreateOutputUserCommand("alice", "secret1", null, 1));

            try (InputStream watching = watch(xtreamPlay(instances.get(0), proxy, "10.0.0.1"))) {
                assertThat(watching.readNBytes(188)).hasSize(188);

                for (Tvarr other : instances.subList(1, 3)) {
                    assertThat(xtreamPlay(other, proxy, "10.0.0.2")).isInstanceOf(XtreamPlay.LimitReached.class);
                    assertThat(other.xtreamLogins().logIn("alice", "secret1"))
                            .isInstanceOfSatisfying(
                                    XtreamLogin.Granted.class,
                                    g -> assertThat(g.activeConnections()).isEqualTo(1));
                }
            }
            await("the user's connection given back to every instance", () -> {
                XtreamPlay play = xtreamPlay(instances.get(1), proxy, "10.0.0.2");
                if (!(play instanceof XtreamPlay.Playing)) {
                    return false;
                }
                try (InputStream second = watch(play)) {
                    return second.readNBytes(188).length == 188;
                } catch (RuntimeException | IOException e) {
                    return false;
                }
            });
        }

        @Test
        void a_one_tuner_device_streams_once_whichever_instance_is_tuned() throws Exception {
            ProxyId proxy = unlimitedProxy();
            String channel = channelOf(instances.get(0), proxy);

            try (InputStream tuned = tune(instances.get(0), proxy, channel, "10.0.0.1")) {
                assertThat(tuned.readNBytes(188)).hasSize(188);

                assertThatThrownBy(() -> tune(instances.get(1), proxy, channel, "10.0.0.2"))
                        .isInstanceOf(UnavailableException.class)
                        .hasMessageContaining("all 1 tuner(s) in use");
                assertThat(instances.get(2).tunerStatus().status(proxy.toString()))
                        .singleElement()
                        .satisfies(t -> {
                            assertThat(t.busy()).isTrue();
                            assertThat(t.channel()).isEqualTo(channel);
                            assertThat(t.clientAddress()).isEqualTo("10.0.0.1");
                        });
            }
            await(
                    "the tuner free on every instance",
                    () -> instances.stream()
                            .allMatch(t -> t.tunerStatus().status(proxy.toString()).stream()
                                    .noneMatch(TunerStatus::busy)));
        }
    }

    @Nested
    class Logos {
        @Test
        void a_logo_fetched_by_one_instance_is_served_by_the_others_without_fetching_it_again() throws Exception {
            String logo = url("logo.png");
            LogoCacheResult first = instances.get(0).logos().cache(List.of(logo));
            String file = first.cached().get(logo);
            assertThat(file).as("cached by instance-1: %s", first.failed()).isNotNull();

            LogoCacheResult second = instances.get(1).logos().cache(List.of(logo));

            assertThat(second.cached()).containsEntry(logo, file);
            assertThat(requests.get("/logo.png")).hasValue(1);
            for (Tvarr other : instances.subList(1, 3)) {
                assertThat(other.cachedLogos().file(file))
                        .hasValueSatisfying(path -> assertThat(path).hasBinaryContent(LOGO));
            }
        }

        @Test
        void a_logo_removed_on_one_instance_is_not_handed_out_by_another_that_had_not_cached_it() throws Exception {
            String logo = url("logo.png");
            String file = instances.get(0).logos().cache(List.of(logo)).cached().get(logo);
            assertThat(file).isNotNull();

            instances.get(1).logoRemoval().delete(file.substring(0, file.indexOf('.')));

            assertThat(instances.get(2).cachedLogos().file(file)).isEmpty();
        }
    }

    @Nested
    class Lost_leases {
        @Test
        void a_relay_session_whose_provider_lease_another_instance_took_over_is_ended() throws Exception {
            StreamSource source = instances
                    .get(0)
                    .sources()
                    .create(SaveStreamSourceCommand.m3u("one-connection", url("one-connection.m3u"))
                            .withMaxConcurrentStreams(1));
            instances.get(0).sourceIngestion().ingest(source.id());
            ProxyId proxy = instances
                    .get(0)
                    .proxies()
                    .create(SaveProxyCommand.named("shared")
                            .withSources(source.id())
                            .withDelivery(DeliveryMode.PROXY, null))
                    .id();
            instances.get(0).generation().generate(proxy);
            InputStream watching = instances.get(0).openChannel(proxy.toString(), channelOf(instances.get(0), proxy));
            assertThat(watching.readNBytes(188)).hasSize(188);

            takeLeasesOver("instance-1", "instance-4");

            assertThat(endsWhileRead(watching)).isTrue();
            watching.close();
        }

        @Test
        void an_output_users_stream_whose_lease_another_instance_took_over_is_ended() throws Exception {
            ProxyId proxy = unlimitedProxy();
            instances.get(0).outputUsers().create(proxy, new CreateOutputUserCommand("alice", "secret1", null, 1));
            InputStream watching = watch(xtreamPlay(instances.get(0), proxy, "10.0.0.1"));
            assertThat(watching.readNBytes(188)).hasSize(188);

            takeLeasesOver("instance-1", "instance-4");

            assertThat(endsWhileRead(watching)).isTrue();
            watching.close();
        }

        @Test
        void a_tuners_stream_whose_lease_another_instance_took_over_is_ended() throws Exception {
            ProxyId proxy = unlimitedProxy();
            InputStream tuned = tune(instances.get(0), proxy, channelOf(instances.get(0), proxy), "10.0.0.1");
            assertThat(tuned.readNBytes(188)).hasSize(188);

            takeLeasesOver("instance-1", "instance-4");

            assertThat(endsWhileRead(tuned)).isTrue();
            tuned.close();
        }
    }

    private String url(String file) {
        return "http://127.0.0.1:" + provider.getAddress().getPort() + "/" + file;
    }
}
