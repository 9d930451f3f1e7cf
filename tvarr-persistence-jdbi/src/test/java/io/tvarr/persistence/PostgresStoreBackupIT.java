package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Backup contract on PostgreSQL at 127.0.0.1:5432")
class PostgresStoreBackupIT extends StoreBackupContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
