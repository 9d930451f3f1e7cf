package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Stream health contract on PostgreSQL at 127.0.0.1:5432")
class PostgresStreamHealthIT extends StreamHealthContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
