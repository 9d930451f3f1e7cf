package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Logo file contract on MariaDB at 127.0.0.1:3306")
class MariadbLogoFileIT extends LogoFileContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
