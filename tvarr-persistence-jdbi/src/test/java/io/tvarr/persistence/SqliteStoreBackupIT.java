package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Backup contract on SQLite in a temporary directory")
class SqliteStoreBackupIT extends StoreBackupContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.sqlite(dir.resolve("db-" + java.util.UUID.randomUUID()));
    }
}
