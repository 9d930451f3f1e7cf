package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Guide match contract on PostgreSQL at 127.0.0.1:5432")
class PostgresGuideMatchIT extends GuideMatchContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
