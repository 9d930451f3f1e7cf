package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Concurrent channel stores on PostgreSQL at 127.0.0.1:5432")
class PostgresConcurrentChannelStoresIT extends ConcurrentChannelStoresContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
