package io.tvarr.persistence;

import org.junit.jupiter.api.DisplayName;

@DisplayName("Channel override contract on PostgreSQL at 127.0.0.1:5432")
class PostgresChannelOverrideIT extends ChannelOverrideContract {
    @Override
    TestDatabase createDatabase() {
        return TestDatabase.postgres();
    }
}
