package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Admin access contract on MariaDB at 127.0.0.1:3306")
class MariadbAdminAccessIT extends AdminAccessContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
