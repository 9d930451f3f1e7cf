package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Logo file contract on PostgreSQL at 127.0.0.1:5432")
class PostgresLogoFileIT extends LogoFileContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
