package io.tvarr.app;

import io.tvarr.persistence.TestDatabase;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Three instances on MariaDB at 127.0.0.1:3306")
class MariadbSeveralInstancesIT extends SeveralInstancesContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
