package io.tvarr.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Concurrent channel stores on SQLite")
class SqliteConcurrentChannelStoresIT extends ConcurrentChannelStoresContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite(dir);
    }
}
