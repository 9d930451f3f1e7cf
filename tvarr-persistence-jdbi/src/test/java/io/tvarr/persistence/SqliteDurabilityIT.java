package io.tvarr.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDurabilityIT {
    @TempDir
    Path dir;

    @Test
    void a_database_that_outlives_the_process_syncs_in_wal_mode() {
        assertThat(synchronous(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("kept.db"))))
                .isEqualTo(1); // NORMAL
    }

    @Test
    void a_throwaway_database_never_waits_for_the_disk() {
        assertThat(synchronous(DatabaseSettings.of("jdbc:sqlite:" + dir.resolve("throwaway.db"))
                        .throwaway()))
                .isZero(); // OFF
    }

    private static int synchronous(DatabaseSettings settings) {
        try (JdbiPersistence store = JdbiPersistence.open(settings)) {
            store.migrate();
            return store.database()
                    .withHandle(h -> h.createQuery("PRAGMA synchronous")
                            .mapTo(Integer.class)
                            .one());
        }
    }
}
