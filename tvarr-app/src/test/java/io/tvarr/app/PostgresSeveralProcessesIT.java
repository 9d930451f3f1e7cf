package io.tvarr.app;

import io.tvarr.persistence.TestDatabase;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Three tvarr processes on PostgreSQL at 127.0.0.1:5432")
class PostgresSeveralProcessesIT extends SeveralProcessesContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
