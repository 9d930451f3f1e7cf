package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Manual channel contract on MariaDB at 127.0.0.1:3306")
class MariadbManualChannelIT extends ManualChannelContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
