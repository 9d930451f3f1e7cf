package io.tvarr.persistence;

import io.tvarr.domain.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A new SQLite database starts as a copy of one migrated at build time ({@code db/template/sqlite.db}, made by
 * {@link #main} in this module's build), so a first start or a {@code tvarr generate} does not run every migration
 * (#19). The copy's Flyway history is the build's, so {@link BundledSchema} finds it current; a build without the
 * template leaves new databases to Flyway as before.
 */
final class SqliteTemplate {
    static final String RESOURCE = "db/template/sqlite.db";

    private SqliteTemplate() {}

    /**
     * Copies the template to {@code file} when nothing is there yet. The copy is written beside it and moved into
     * place, so a process opening the file at the same moment sees no database or a whole one, never a partial one.
     */
    static void copyIfNew(Path file, ClassLoader loader) {
        if (Files.exists(file)) {
            return;
        }
        try (InputStream template = loader.getResourceAsStream(RESOURCE)) {
            if (template == null) {
                return;
            }
            Path partial = Files.createTempFile(file.toAbsolutePath().getParent(), ".tvarr-template", ".db");
            try {
                Files.copy(template, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, file);
            } catch (FileAlreadyExistsException e) {
                // another process made the database first: it is used as it is
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new StorageException("database: cannot create " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** The build's step: migrates a new SQLite database with Flyway and writes it compacted to {@code args[0]}. */
    public static void main(String[] args) throws IOException, SQLException {
        Path target = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        Path work = Files.createTempDirectory("tvarr-template");
        Path db = work.resolve("template.db");
        try (JdbiPersistence store = JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + db))) {
            store.migrate();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement vacuum = connection.createStatement()) {
            vacuum.executeUpdate("VACUUM INTO '" + target.toString().replace("'", "''") + "'");
        }
        try (var files = Files.list(work)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(work);
    }
}
