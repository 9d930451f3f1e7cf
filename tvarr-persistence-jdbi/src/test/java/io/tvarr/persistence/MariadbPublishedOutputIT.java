package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Published output contract on MariaDB at 127.0.0.1:3306")
class MariadbPublishedOutputIT extends PublishedOutputContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
