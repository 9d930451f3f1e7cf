package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Failover contract on PostgreSQL at 127.0.0.1:5432")
class PostgresFailoverIT extends FailoverContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
