package io.tvarr.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Stream health contract on SQLite in a temporary directory")
class SqliteStreamHealthIT extends StreamHealthContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite(dir);
    }
}
