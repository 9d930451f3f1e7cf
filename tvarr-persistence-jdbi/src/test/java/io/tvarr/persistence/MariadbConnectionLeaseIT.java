package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Connection lease contract on MariaDB at 127.0.0.1:3306")
class MariadbConnectionLeaseIT extends ConnectionLeaseContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
