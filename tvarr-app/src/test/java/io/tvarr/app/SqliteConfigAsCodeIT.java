package io.tvarr.app;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Configuration as code on SQLite, each instance in its own data directory. */
class SqliteConfigAsCodeIT extends ConfigAsCodeContract {
    @TempDir
    Path dir;

    @Override
    TvarrBuilder instance(String name) {
        return Tvarr.builder().dataDir(dir.resolve(name));
    }

    @Override
    String databaseUrl(String instance) {
        return "jdbc:sqlite:" + dir.resolve(instance).resolve("tvarr.db");
    }
}
