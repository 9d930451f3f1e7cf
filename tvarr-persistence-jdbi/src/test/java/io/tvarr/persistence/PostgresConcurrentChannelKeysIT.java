package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Concurrent channel keys on PostgreSQL at 127.0.0.1:5432")
class PostgresConcurrentChannelKeysIT extends ConcurrentChannelKeysContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
