package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.TvarrException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.ingestion.IngestMode;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.UnconfirmedDropException;
import io.tvarr.domain.job.Job;
import io.tvarr.domain.job.JobKind;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.SaveProxyCommand;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.persistence.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** The core as an embedder builds it: no server, its own clock, an existing pool, the scheduler opt-in. */
class TvarrCoreIT {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    private Path playlist;

    @BeforeEach
    void playlist() throws IOException {
        playlist = Files.writeString(dir.resolve("provider.m3u"), """
                #EXTM3U
                #EXTINF:-1 tvg-id="bbc1.uk" group-title="UK",BBC One
                http://up.example/1.ts
                """);
    }

    private TvarrBuilder core() {
        return Tvarr.builder().dataDir(dir.resolve("data")).allowSourceDirectory(dir);
    }

    private static StreamSource m3u(Tvarr tvarr, Path file) {
        return tvarr.sources()
                .create(SaveStreamSourceCommand.m3u("provider", file.toUri().toString()));
    }

    @Test
    void reads_time_from_the_clock_it_is_given() {
        try (Tvarr tvarr = core().clock(Clock.fixed(T0, ZoneOffset.UTC)).build()) {
            assertThat(m3u(tvarr, playlist).createdAt()).isEqualTo(T0);
        }
    }

    /**
     * A {@code file:} playlist is read straight into the store's replace (#19, no spool): everything a refresh
     * promises still holds against a real database.
     */
    @Nested
    class A_local_playlist {
        private static String entries(int from, int to) {
            StringBuilder m3u = new StringBuilder("#EXTM3U\n");
            for (int i = from; i < to; i++) {
                m3u.append("#EXTINF:-1 tvg-id=\"c")
                        .append(i)
                        .append("\",Channel ")
                        .append(i)
                        .append('\n');
                m3u.append("http://up.example/").append(i).append(".ts\n");
            }
            return m3u.toString();
        }

        private List<String> stored(Tvarr tvarr, StreamSource source) {
            return tvarr.channels().page(new ChannelQuery(source.id(), null, null, 0, 1000)).items().stream()
                    .map(Channel::name)
                    .toList();
        }

        @Test
        void that_lost_most_of_its_channels_is_refused_and_stores_nothing_until_accepted() throws IOException {
            try (Tvarr tvarr = core().build()) {
                Files.writeString(playlist, entries(0, 1000));
                StreamSource source = m3u(tvarr, playlist);
                tvarr.sourceIngestion().ingest(source.id());
                List<String> before = stored(tvarr, source);
                Files.writeString(playlist, entries(2000, 2300));

                assertThatThrownBy(() -> tvarr.sourceIngestion().ingest(source.id()))
                        .isInstanceOf(UnconfirmedDropException.class)
                        .hasMessageContaining("would keep 300 of 1,000 channels");
                assertThat(stored(tvarr, source)).hasSize(1000).isEqualTo(before);

                assertThat(tvarr.sourceIngestion()
                                .ingest(source.id(), IngestMode.ACCEPT_DROP)
                                .lastCount())
                        .isEqualTo(300);
                assertThat(stored(tvarr, source)).hasSize(300).startsWith("Channel 2000");
            }
        }

        @Test
        void that_is_not_a_playlist_fails_and_keeps_the_stored_channels() throws IOException {
            try (Tvarr tvarr = core().build()) {
                Files.writeString(playlist, entries(0, 10));
                StreamSource source = m3u(tvarr, playlist);
                tvarr.sourceIngestion().ingest(source.id());
                Files.writeString(playlist, "<html><body>502 Bad Gateway</body></html>\n");

                assertThatThrownBy(() -> tvarr.sourceIngestion().ingest(source.id()))
                        .isInstanceOf(TvarrException.class);

                assertThat(stored(tvarr, source)).hasSize(10);
                assertThat(tvarr.sourceIngestion().status(source.id()).lastError())
                        .isNotBlank();
            }
        }

        @Test
        void skips_a_malformed_entry_and_counts_it() throws IOException {
            try (Tvarr tvarr = core().build()) {
                Files.writeString(playlist, entries(0, 3) + "#EXTINF:-1 tvg-id=\"open,Broken\nnot a url\n");
                StreamSource source = m3u(tvarr, playlist);

                IngestionStatus status = tvarr.sourceIngestion().ingest(source.id());

                assertThat(status.lastCount()).isEqualTo(3);
                assertThat(status.lastSkipped()).isEqualTo(1);
                assertThat(stored(tvarr, source)).containsExactly("Channel 0", "Channel 1", "Channel 2");
            }
        }
    }

    @Nested
    class Published_outputs {
        @Test
        void go_to_the_output_directory_it_is_given_instead_of_the_data_dir() throws IOException {
            Path outputs = dir.resolve("elsewhere");
            try (Tvarr tvarr = core().outputDirectory(outputs).build()) {
                StreamSource source = m3u(tvarr, playlist);
                StreamProxy proxy =
                        tvarr.proxies().create(SaveProxyCommand.named("p").withSources(source.id()));
                tvarr.sourceIngestion().ingest(source.id());

                tvarr.generation().generate(proxy.id());

                Path published = tvarr.publishedPlaylist(proxy.id()).orElseThrow();
                assertThat(published).startsWith(outputs);
                assertThat(Files.readString(published)).contains(",BBC One");
                assertThat(dir.resolve("data").resolve("proxies")).doesNotExist();
            }
        }

        @Test
        void are_the_playlist_and_guide_alone_for_a_core_that_serves_nothing() throws IOException {
            try (Tvarr tvarr = core().playlistAndGuideOnly().build()) {
                StreamSource source = m3u(tvarr, playlist);
                StreamProxy proxy =
                        tvarr.proxies().create(SaveProxyCommand.named("p").withSources(source.id()));
                tvarr.sourceIngestion().ingest(source.id());

                tvarr.generation().generate(proxy.id());

                Path published = tvarr.publishedPlaylist(proxy.id()).orElseThrow();
                try (var files = Files.list(published.getParent())) {
                    assertThat(files.map(p -> p.getFileName().toString()))
                            .containsExactlyInAnyOrder("playlist.m3u", "epg.xml");
                }
            }
        }
    }

    @Nested
    class Scheduler {
        @Test
        void is_off_for_an_embedder_so_a_refresh_queues_nothing() {
            try (Tvarr tvarr = core().build()) {
                StreamSource source = m3u(tvarr, playlist);
                tvarr.proxies().create(SaveProxyCommand.named("p").withSources(source.id()));

                tvarr.sourceIngestion().ingest(source.id());

                assertThat(tvarr.jobs()
                                .list(null, JobKind.PROXY_GENERATE, 0, 10)
                                .items())
                        .isEmpty();
            }
        }

        @Test
        void when_on_regenerates_the_proxies_that_use_a_refreshed_source() throws InterruptedException {
            try (Tvarr tvarr = core().scheduler(true).build()) {
                StreamSource source = m3u(tvarr, playlist);
                StreamProxy proxy =
                        tvarr.proxies().create(SaveProxyCommand.named("p").withSources(source.id()));
                tvarr.proxies().create(SaveProxyCommand.named("unrelated"));

                tvarr.sourceIngestion().ingest(source.id());

                List<Job> jobs = waitForJobs(tvarr);
                assertThat(jobs)
                        .extracting(Job::target)
                        .containsExactly(proxy.id().toString());
            }
        }

        private List<Job> waitForJobs(Tvarr tvarr) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            List<Job> jobs = List.of();
            while (jobs.isEmpty() && Instant.now().isBefore(deadline)) {
                jobs = tvarr.jobs().list(null, JobKind.PROXY_GENERATE, 0, 10).items();
                Thread.sleep(20);
            }
            return jobs;
        }
    }

    @Nested
    class An_embedders_data_source {
        @Test
        void sqlite_is_used_and_left_open() throws Exception {
            SQLiteDataSource pool = new SQLiteDataSource();
            pool.setUrl("jdbc:sqlite:" + dir.resolve("embedder.db"));
            usedAndLeftOpen(pool);
        }

        @Test
        void postgresql_is_used_and_left_open() throws Exception {
            try (TestDatabase database = TestDatabase.postgres()) {
                PGSimpleDataSource pool = new PGSimpleDataSource();
                pool.setUrl(database.url());
                usedAndLeftOpen(pool);
            }
        }

        private void usedAndLeftOpen(DataSource pool) throws Exception {
            try (Tvarr tvarr = core().dataSource(pool).build()) {
                StreamSource source = m3u(tvarr, playlist);
                assertThat(tvarr.sourceIngestion().ingest(source.id()).lastCount())
                        .isEqualTo(1);
                assertThat(tvarr.health().ready()).isTrue();
            }
            try (Connection connection = pool.getConnection();
                    var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM channel")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }
}
