package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Guide match contract on MariaDB at 127.0.0.1:3306")
class MariadbGuideMatchIT extends GuideMatchContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.mariadb();
    }
}
