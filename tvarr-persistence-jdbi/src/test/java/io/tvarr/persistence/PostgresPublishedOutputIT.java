package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Published output contract on PostgreSQL at 127.0.0.1:5432")
class PostgresPublishedOutputIT extends PublishedOutputContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
