package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SQLite pool costs outside the Java heap (#19 goal 4): each connection's page cache is malloc'd memory the
 * JVM's limits do not cover, so a server's resident size grows with the cache of every connection it keeps open.
 */
class SqliteMemoryIT {
    @TempDir
    Path dir;

    @Test
    void a_connection_caches_at_most_8_mib_of_pages() {
        try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("t.db")))) {
            int cacheSize = store.database()
                    .withHandle(h -> h.createQuery("PRAGMA cache_size")
                            .mapTo(Integer.class)
                            .one());

            // negative: KiB rather than pages
            assertThat(cacheSize).isEqualTo(-8192);
        }
    }

    @Test
    void the_pool_keeps_one_connection_open_when_idle_and_closes_the_others_after_10_seconds() {
        try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("t.db")))) {
            HikariDataSource pool = store.pool().orElseThrow();

            assertThat(pool.getMaximumPoolSize()).isGreaterThan(1);
            assertThat(pool.getMinimumIdle()).isEqualTo(1);
            assertThat(pool.getIdleTimeout()).isEqualTo(10_000);
        }
    }
}
