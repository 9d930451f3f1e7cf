package io.tvarr.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The database a bench's core stores into: SQLite in the work directory (the default), or a freshly created database
 * on the local PostgreSQL (127.0.0.1:5432, user postgres) or MariaDB (127.0.0.1:3306, user root) server, dropped by
 * {@link #close()}. Named by the bench's argument: {@code sqlite}, {@code postgres} or {@code mariadb}.
 */
public final class BenchDatabase implements AutoCloseable {
    private static final String POSTGRES_ADMIN = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
    private static final String MARIADB_ADMIN = "jdbc:mariadb://127.0.0.1:3306/test?user=root&sslMode=disable";

    private final String name;
    private final String url;
    private final String adminUrl;
    private final String drop;

    private BenchDatabase(String name, String url, String adminUrl, String drop) {
        this.name = name;
        this.url = url;
        this.adminUrl = adminUrl;
        this.drop = drop;
    }

    public static BenchDatabase create(String kind, Path workDirectory) throws SQLException {
        String database = "tvarr_bench_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "sqlite" -> new BenchDatabase(kind, "jdbc:sqlite:" + workDirectory.resolve("tvarr.db"), "", "");
            case "postgres" ->
                created(
                        kind,
                        "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres",
                        POSTGRES_ADMIN,
                        "CREATE DATABASE " + database,
                        "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            case "mariadb" ->
                created(
                        kind,
                        "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root&sslMode=disable",
                        MARIADB_ADMIN,
                        "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                        "DROP DATABASE IF EXISTS " + database);
            default ->
                throw new IllegalArgumentException("database: " + kind + " (expected: sqlite, postgres, mariadb)");
        };
    }

    private static BenchDatabase created(String kind, String url, String adminUrl, String create, String drop)
            throws SQLException {
        execute(adminUrl, create);
        return new BenchDatabase(kind, url, adminUrl, drop);
    }

    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    /** Drops a server database; close the core using it first. */
    @Override
    public void close() throws SQLException {
        if (!drop.isEmpty()) {
            execute(adminUrl, drop);
        }
    }

    private static void execute(String adminUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
