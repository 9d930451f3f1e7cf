package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Concurrent channel keys on MariaDB at 127.0.0.1:3306")
class MariadbConcurrentChannelKeysIT extends ConcurrentChannelKeysContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
