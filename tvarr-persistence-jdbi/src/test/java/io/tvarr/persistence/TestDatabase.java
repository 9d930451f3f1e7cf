package io.tvarr.persistence;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, migrated database for one test class: SQLite in a temp dir, or a uniquely named database on the
 * local PostgreSQL/MariaDB servers, dropped on close. Servers that are unreachable skip the tests with a
 * message, or fail them when {@code CI=true}.
 */
public final class TestDatabase implements AutoCloseable {
    private static final String POSTGRES_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";

    private final JdbiPersistence persistence;
    private final String url;
    private final Runnable drop;

    private TestDatabase(String url, Runnable drop) {
        this.url = url;
        this.persistence = JdbiPersistence.open(new DatabaseSettings(url, null, null, 4, 7, 11, 5));
        this.drop = drop;
    }

    public static TestDatabase sqlite(Path dir) {
        return new TestDatabase("jdbc:sqlite:" + dir.resolve("tvarr.db"), () -> {});
    }

    public static TestDatabase postgres() {
        String name = uniqueName();
        execute(POSTGRES_ADMIN, "PostgreSQL at 127.0.0.1:5432", "CREATE DATABASE " + name);
        return new TestDatabase(
                "jdbc:postgresql://127.0.0.1:5432/" + name + "?user=postgres",
                () -> execute(POSTGRES_ADMIN, "PostgreSQL", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    public static TestDatabase mariadb() {
        String name = uniqueName();
        execute(
                MARIADB_ADMIN,
                "MariaDB at 127.0.0.1:3306",
                "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        return new TestDatabase(
                "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&sslMode=disable",
                () -> execute(MARIADB_ADMIN, "MariaDB", "DROP DATABASE IF EXISTS " + name));
    }

    /** The JDBC URL of this database, for tests that open their own {@link JdbiPersistence}. */
    public String url() {
        return url;
    }

    public JdbiPersistence persistence() {
        return persistence;
    }

    @Override
    public void close() {
        persistence.close();
        drop.run();
    }

    private static String uniqueName() {
        return "tvarr_it_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    private static void execute(String adminUrl, String server, String sql) {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String message = server + " is unreachable or refused '" + sql + "': " + e.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: the contract suite must run on every database)");
            }
            Assumptions.abort(message + " — skipping; start the server or set CI=true to make this a failure");
        }
    }
}
