package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Channel override contract on MariaDB at 127.0.0.1:3306")
class MariadbChannelOverrideIT extends ChannelOverrideContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
