package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Logo catalogue contract on PostgreSQL at 127.0.0.1:5432")
class PostgresLogoCatalogueIT extends LogoCatalogueContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
