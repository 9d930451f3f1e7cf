package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Persistence contract on MariaDB at 127.0.0.1:3306")
class MariadbPersistenceIT extends PersistenceContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
