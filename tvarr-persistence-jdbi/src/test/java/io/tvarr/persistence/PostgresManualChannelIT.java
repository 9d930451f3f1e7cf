package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Manual channel contract on PostgreSQL at 127.0.0.1:5432")
class PostgresManualChannelIT extends ManualChannelContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
