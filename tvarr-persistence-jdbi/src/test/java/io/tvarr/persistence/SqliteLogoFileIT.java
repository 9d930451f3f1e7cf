package io.tvarr.persistence;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Logo file contract on SQLite in a temporary directory")
class SqliteLogoFileIT extends LogoFileContract {
    @TempDir
    static Path dir;

    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite(dir);
    }
}
