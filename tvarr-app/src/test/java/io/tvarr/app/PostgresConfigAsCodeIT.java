package io.tvarr.app;

import io.tvarr.persistence.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** Configuration as code on PostgreSQL at 127.0.0.1:5432, each instance on its own database. */
class PostgresConfigAsCodeIT extends ConfigAsCodeContract {
    @TempDir
    Path dir;

    private final List<TestDatabase> databases = new ArrayList<>();
    private final java.util.Map<String, String> urls = new java.util.HashMap<>();

    @Override
    String databaseUrl(String instance) {
        return urls.get(instance);
    }

    @Override
    TvarrBuilder instance(String name) {
        TestDatabase database = TestDatabase.postgres();
        databases.add(database);
        urls.put(name, database.url());
        return Tvarr.builder().dataDir(dir.resolve(name)).database(database.url());
    }

    @AfterEach
    void drop() {
        // JUnit runs this before the contract's own @AfterEach: the instances close before their databases go
        close();
        databases.forEach(TestDatabase::close);
    }
}
