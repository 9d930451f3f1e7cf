package io.tvarr.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Job lease contract on SQLite in a temporary directory")
class SqliteJobLeaseIT extends JobLeaseContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite(dir);
    }
}
