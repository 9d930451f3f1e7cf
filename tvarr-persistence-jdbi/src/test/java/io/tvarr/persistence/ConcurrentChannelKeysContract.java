package io.tvarr.persistence;

import static io.tvarr.domain.TestData.anM3uSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.channel.port.out.ChannelKeyRepository;
import io.tvarr.domain.source.SourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances remembering the same new channel key at the same moment (both users name the channel as an
 * alternate): both must succeed and one row must stay. Checking for the row and then inserting it let both see none
 * at READ COMMITTED, and the second insert failed on the primary key. Subclasses only supply the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentChannelKeysContract {
    private static final int KEYS = 200;

    private TestDatabase database;
    private JdbiPersistence otherInstance;
    private final ExecutorService instances = Executors.newFixedThreadPool(2);

    abstract TestDatabase createDatabase();

    @BeforeAll
    void open_and_migrate() {
        database = createDatabase();
        database.persistence().migrate();
        otherInstance = JdbiPersistence.open(DatabaseSettings.of(database.url()));
    }

    @AfterAll
    void close() {
        instances.shutdownNow();
        if (otherInstance != null) {
            otherInstance.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Remembers each key once both instances are about to, so the two calls for one key always start together. */
    private Future<Void> rememberAll(ChannelKeyRepository keys, List<ChannelKey> all, List<CyclicBarrier> starts) {
        return instances.submit(() -> {
            for (int i = 0; i < all.size(); i++) {
                starts.get(i).await(10, TimeUnit.SECONDS);
                keys.remember(all.get(i));
            }
            return null;
        });
    }

    @Test
    void two_instances_remember_one_new_key_at_once_without_a_conflict() throws Exception {
        SourceId source = anM3uSource("provider").id();
        List<ChannelKey> all = IntStream.range(0, KEYS)
                .mapToObj(i -> new ChannelKey(source, "m3u:|/live/" + i + ".ts"))
                .toList();
        List<CyclicBarrier> starts = new ArrayList<>();
        all.forEach(key -> starts.add(new CyclicBarrier(2)));

        Future<Void> one = rememberAll(database.persistence().channelKeys(), all, starts);
        Future<Void> other = rememberAll(otherInstance.channelKeys(), all, starts);
        one.get(120, TimeUnit.SECONDS);
        other.get(120, TimeUnit.SECONDS);

        assertThat(all)
                .allSatisfy(
                        key -> assertThat(database.persistence().channelKeys().find(key.channelId()))
                                .contains(key));
        int rows = database.persistence()
                .database()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM channel_key")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rows).isEqualTo(KEYS);
    }
}
