package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Persistence contract on PostgreSQL at 127.0.0.1:5432")
class PostgresPersistenceIT extends PersistenceContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
