package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Connection lease contract on PostgreSQL at 127.0.0.1:5432")
class PostgresConnectionLeaseIT extends ConnectionLeaseContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
