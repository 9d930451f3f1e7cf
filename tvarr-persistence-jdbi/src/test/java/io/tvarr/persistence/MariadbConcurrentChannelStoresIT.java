package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Concurrent channel stores on MariaDB at 127.0.0.1:3306")
class MariadbConcurrentChannelStoresIT extends ConcurrentChannelStoresContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
