package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VOD contract on PostgreSQL at 127.0.0.1:5432")
class PostgresVodIT extends VodContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
