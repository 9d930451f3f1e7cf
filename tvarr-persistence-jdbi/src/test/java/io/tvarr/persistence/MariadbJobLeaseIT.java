package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Job lease contract on MariaDB at 127.0.0.1:3306")
class MariadbJobLeaseIT extends JobLeaseContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
