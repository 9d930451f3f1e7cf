package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Backup contract on MariaDB at 127.0.0.1:3306")
class MariadbStoreBackupIT extends StoreBackupContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
