package io.tvarr.persistence;

import static io.tvarr.domain.TestData.aChannel;
import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.source.StreamSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two sources' refreshes storing their channels at the same moment, as two instances (or two workers of one) do:
 * both must succeed on the first try. MariaDB at REPEATABLE READ answered one of them with a deadlock, the gap locks
 * of one source's DELETE meeting the other's inserts. Subclasses only supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentChannelStoresContract {
    private static final int ROUNDS = 5;

    private TestDatabase database;
    private final ExecutorService writers = Executors.newFixedThreadPool(2);

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        database.persistence().migrate();
    }

    @AfterAll
    void close() {
        writers.shutdownNow();
        if (database != null) {
            database.close();
        }
    }

    private StreamSource storedSource(String name) {
        StreamSource source = anM3uSource(name);
        database.persistence().streamSources().insert(source);
        return source;
    }

    private static List<Channel> channels(StreamSource source, String round, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> aChannel()
                        .from(source.id())
                        .withKey(round + "-" + i)
                        .named("Channel " + i)
                        .inGroup(i % 2 == 0 ? "Sports" : "News")
                        .withUrl("http://provider.example/live/" + round + "/" + i + ".ts")
                        .build())
                .toList();
    }

    /**
     * Stores the source's channels for the round once both stores have deleted the previous ones: each writer waits
     * at the barrier inside its transaction, so the two transactions always overlap (on SQLite, whose one writer
     * serialises them, the first waits for a second that cannot begin, and writes on alone).
     */
    private long store(StreamSource source, String round, int count, CyclicBarrier bothDeleted) {
        return database.persistence().channels().replaceAllForSource(source.id(), sink -> {
            try {
                bothDeleted.await(2, TimeUnit.SECONDS);
            } catch (TimeoutException | BrokenBarrierException e) {
                // the other store is not inside its transaction (SQLite's one writer): nothing to overlap with
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            channels(source, round, count).forEach(sink::accept);
        });
    }

    @Test
    void two_sources_store_their_channels_at_once_without_a_deadlock() throws Exception {
        StreamSource first = storedSource("first");
        StreamSource second = storedSource("second");
        List<Long> stored = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String name = "round-" + round;
            int count = 20 + 30 * round;
            CyclicBarrier bothDeleted = new CyclicBarrier(2);
            Future<Long> a = writers.submit(() -> store(first, name, count, bothDeleted));
            Future<Long> b = writers.submit(() -> store(second, name, count, bothDeleted));
            stored.add(a.get(60, TimeUnit.SECONDS));
            stored.add(b.get(60, TimeUnit.SECONDS));
        }

        assertThat(stored).hasSize(2 * ROUNDS);
        assertThat(database.persistence().channels().countBySource(first.id())).isEqualTo(20 + 30 * (ROUNDS - 1));
        assertThat(database.persistence().channels().countBySource(second.id())).isEqualTo(20 + 30 * (ROUNDS - 1));
    }
}
