package io.tvarr.app;

import io.tvarr.persistence.TestDatabase;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Three tvarr processes on MariaDB at 127.0.0.1:3306")
class MariadbSeveralProcessesIT extends SeveralProcessesContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
