package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Admin access contract on PostgreSQL at 127.0.0.1:5432")
class PostgresAdminAccessIT extends AdminAccessContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
