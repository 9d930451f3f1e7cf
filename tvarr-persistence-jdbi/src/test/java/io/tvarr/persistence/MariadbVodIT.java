package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("VOD contract on MariaDB at 127.0.0.1:3306")
class MariadbVodIT extends VodContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
