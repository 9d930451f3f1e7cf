package io.tvarr.persistence;

import static io.tvarr.domain.TestData.T0;
import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.health.port.out.StreamHealthRepository;
import io.tvarr.domain.source.StreamSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** How every database stores stream checks' settings and results. Subclasses only supply the database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StreamHealthContract {
    private TestDatabase database;
    private JdbiPersistence store;
    private StreamHealthRepository health;
    private StreamSource source;
    private Channel a;
    private Channel b;
    private Channel c;

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        store = database.persistence();
        store.migrate();
        health = store.streamHealth();
    }

    @AfterAll
    void drop() {
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void a_source_with_three_channels() {
        source = anM3uSource("provider-" + Math.abs(System.nanoTime() % 1_000_000));
        store.streamSources().insert(source);
        a = aChannel().from(source.id()).named("A").withKey("a").build();
        b = aChannel().from(source.id()).named("B").withKey("b").build();
        c = aChannel().from(source.id()).named("C").withKey("c").build();
        store.channels()
                .replaceAllForSource(source.id(), sink -> List.of(a, b, c).forEach(sink::accept));
    }

    @Nested
    class Settings {
        @Test
        void a_source_never_configured_has_its_checks_off() {
            assertThat(health.settings(source.id())).isEqualTo(HealthCheckSettings.DEFAULT);
            assertThat(health.enabledChecks()).doesNotContainKey(source.id());
        }

        @Test
        void settings_come_back_as_saved_and_enabled_ones_are_listed_for_the_scheduler() {
            HealthCheckSettings on = new HealthCheckSettings(true, "*/30 * * * *", 25);

            health.saveSettings(source.id(), on);

            assertThat(health.settings(source.id())).isEqualTo(on);
            assertThat(health.enabledChecks()).containsEntry(source.id(), on);
            health.saveSettings(source.id(), new HealthCheckSettings(false, "@daily", 5));
            assertThat(health.settings(source.id())).isEqualTo(new HealthCheckSettings(false, "@daily", 5));
            assertThat(health.enabledChecks()).doesNotContainKey(source.id());
        }
    }

    @Nested
    class Results {
        @Test
        void the_last_result_of_a_channel_replaces_the_one_before() {
            StreamHealth working = StreamHealth.working(a.id(), source.id(), "A", "h264", "aac", T0);
            StreamHealth broken =
                    StreamHealth.broken(a.id(), source.id(), "A", "ffprobe: 404 Not Found", T0.plusSeconds(60));

            health.record(working);
            assertThat(health.findByChannel(a.id())).contains(working);
            health.record(broken);

            assertThat(health.findByChannel(a.id())).contains(broken);
            assertThat(health.findByChannels(List.of(a.id(), b.id()))).containsExactly(broken);
        }

        @Test
        void results_survive_a_restart_and_a_refresh_of_the_sources_channels() {
            StreamHealth broken = StreamHealth.broken(b.id(), source.id(), "B", "connection refused", T0);
            health.record(broken);

            store.channels()
                    .replaceAllForSource(source.id(), sink -> List.of(a, b, c).forEach(sink::accept));
            try (JdbiPersistence restarted =
                    JdbiPersistence.open(new DatabaseSettings(database.url(), null, null, 2, 7, 11, 5))) {
                assertThat(restarted.streamHealth().findByChannel(b.id())).contains(broken);
            }
        }

        @Test
        void a_page_lists_the_sources_results_most_recent_first_with_the_total_and_counts() {
            health.record(StreamHealth.working(a.id(), source.id(), "A", "h264", null, T0));
            health.record(StreamHealth.broken(b.id(), source.id(), "B", "timeout", T0.plusSeconds(10)));
            health.record(StreamHealth.working(c.id(), source.id(), "C", null, "aac", T0.plusSeconds(20)));

            Page<StreamHealth> first = health.findPage(source.id(), 0, 2);
            Page<StreamHealth> second = health.findPage(source.id(), 1, 2);

            assertThat(first.total()).isEqualTo(3);
            assertThat(first.items()).extracting(StreamHealth::channelName).containsExactly("C", "B");
            assertThat(second.items()).extracting(StreamHealth::channelName).containsExactly("A");
            assertThat(health.counts(source.id())).isEqualTo(Map.of(HealthStatus.WORKING, 2L, HealthStatus.BROKEN, 1L));
        }

        @Test
        void channels_never_checked_are_due_first_then_those_checked_longest_ago() {
            health.record(StreamHealth.working(a.id(), source.id(), "A", "h264", null, T0.plusSeconds(50)));
            health.record(StreamHealth.working(c.id(), source.id(), "C", "h264", null, T0));

            assertThat(health.dueForCheck(source.id(), 10)).containsExactly(b.id(), c.id(), a.id());
            assertThat(health.dueForCheck(source.id(), 2)).containsExactly(b.id(), c.id());
        }

        @Test
        void deleting_the_source_deletes_its_settings_and_results() {
            health.saveSettings(source.id(), new HealthCheckSettings(true, "@hourly", 10));
            health.record(StreamHealth.working(a.id(), source.id(), "A", "h264", null, T0));

            store.streamSources().delete(source.id());

            assertThat(health.findByChannel(a.id())).isEmpty();
            assertThat(health.settings(source.id())).isEqualTo(HealthCheckSettings.DEFAULT);
        }
    }
}
