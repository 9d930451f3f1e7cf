package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Failover contract on MariaDB at 127.0.0.1:3306")
class MariadbFailoverIT extends FailoverContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
