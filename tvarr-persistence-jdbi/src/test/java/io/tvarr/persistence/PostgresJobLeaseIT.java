package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Job lease contract on PostgreSQL at 127.0.0.1:5432")
class PostgresJobLeaseIT extends JobLeaseContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
