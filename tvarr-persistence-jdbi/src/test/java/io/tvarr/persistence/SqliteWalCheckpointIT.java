package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.source.StreamSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A channel replace's WAL checkpoint (copying its pages into the database file) runs after the commit on a thread of
 * its own, not on the committing thread (#19): at 100k channels it was a tenth of the store. The WAL stays bounded.
 */
class SqliteWalCheckpointIT {
    /** Well over SQLite's automatic checkpoint threshold (1000 pages, 4 MiB). */
    private static final int CHANNELS = 20_000;

    @TempDir
    Path dir;

    private final List<Runnable> queued = new ArrayList<>();

    private JdbiPersistence open(Executor checkpoints) {
        JdbiPersistence store =
                JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")), checkpoints);
        store.migrate();
        return store;
    }

    private static void replace(JdbiPersistence store, StreamSource source) {
        store.channels()
                .replaceAllForSource(
                        source.id(),
                        sink -> IntStream.range(0, CHANNELS)
                                .mapToObj(i -> aChannel()
                                        .from(source.id())
                                        .withKey("key-" + i)
                                        .named("Channel " + i)
                                        .build())
                                .forEach(sink::accept));
    }

    private long size(String file) throws IOException {
        Path path = dir.resolve(file);
        return Files.exists(path) ? Files.size(path) : 0;
    }

    @Test
    void a_replace_commits_without_checkpointing_and_queues_the_checkpoint() throws IOException {
        try (JdbiPersistence store = open(queued::add)) {
            StreamSource source = anM3uSource("a");
            store.streamSources().insert(source);
            long before = size("tvarr.db");

            replace(store, source);

            assertThat(size("tvarr.db"))
                    .as("database file before the checkpoint")
                    .isEqualTo(before);
            assertThat(queued).hasSize(1);

            queued.forEach(Runnable::run);

            assertThat(size("tvarr.db"))
                    .as("database file after the checkpoint")
                    .isGreaterThan(before + 4_000_000);
            assertThat(store.channels().countBySource(source.id())).isEqualTo(CHANNELS);
        }
    }

    @Test
    void the_wal_stays_bounded_over_repeated_replaces() throws IOException {
        List<Long> walSizes = new ArrayList<>();
        try (JdbiPersistence store =
                JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("tvarr.db")))) {
            store.migrate();
            StreamSource source = anM3uSource("a");
            store.streamSources().insert(source);
            for (int i = 0; i < 6; i++) {
                replace(store, source);
                walSizes.add(size("tvarr.db-wal"));
            }
        }

        // SQLite writes a fully checkpointed WAL again from its start: back to back, each replace first finishes the
        // checkpoint of the one before, so the WAL holds one replace, not a growing history of them
        assertThat(walSizes.get(0)).isGreaterThan(4_000_000);
        assertThat(walSizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(walSizes.get(0) * 11 / 10));
    }

    @Test
    void a_replace_that_fails_queues_no_checkpoint_and_stores_nothing() {
        try (JdbiPersistence store = open(queued::add)) {
            StreamSource source = anM3uSource("a");
            store.streamSources().insert(source);

            assertThatThrownBy(() -> store.channels().replaceAllForSource(source.id(), sink -> {
                        sink.accept(aChannel().from(source.id()).withKey("1").build());
                        throw new IllegalStateException("read broke");
                    }))
                    .hasMessage("read broke");

            assertThat(queued).isEmpty();
            assertThat(store.channels().countBySource(source.id())).isZero();
        }
    }
}
