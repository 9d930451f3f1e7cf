package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Stream health contract on MariaDB at 127.0.0.1:3306")
class MariadbStreamHealthIT extends StreamHealthContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
