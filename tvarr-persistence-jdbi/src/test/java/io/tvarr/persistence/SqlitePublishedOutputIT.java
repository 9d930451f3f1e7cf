package io.tvarr.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Published output contract on SQLite in a temporary directory")
class SqlitePublishedOutputIT extends PublishedOutputContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite(dir);
    }
}
