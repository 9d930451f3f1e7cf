package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

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
