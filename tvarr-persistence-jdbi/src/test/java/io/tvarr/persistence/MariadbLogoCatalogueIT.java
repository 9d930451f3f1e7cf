package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Logo catalogue contract on MariaDB at 127.0.0.1:3306")
class MariadbLogoCatalogueIT extends LogoCatalogueContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
