package io.tvarr.persistence.backup;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.backup.SchemaVersion;
import io.tvarr.domain.backup.port.out.StoreSnapshots;
import io.tvarr.persistence.sql.Vendor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Every table's rows as JSON, one object per line, column name to value; loaded back by column name, so the column
 * order of the database that made the archive does not matter. Reading happens in one read-only transaction (a
 * snapshot on PostgreSQL and MariaDB at repeatable read; on SQLite a deferred read transaction on its own
 * connection, which in WAL mode sees one snapshot without holding up writers). Thread-safe.
 */
public final class JdbcStoreSnapshots implements StoreSnapshots {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JdbcStoreSnapshots.class);
    private static final int BATCH = 1_000;
    private static final int FETCH = 1_000;

    private final DataSource dataSource;
    private final Vendor vendor;
    /** Asked for only by a backup or a restore: building Flyway is a noticeable part of a start (#19). */
    private final Supplier<Flyway> flyway;

    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonFactory json = mapper.getFactory();

    public JdbcStoreSnapshots(DataSource dataSource, Vendor vendor, Flyway flyway) {
        this(dataSource, vendor, () -> flyway);
    }

    public JdbcStoreSnapshots(DataSource dataSource, Vendor vendor, Supplier<Flyway> flyway) {
        this.dataSource = dataSource;
        this.vendor = vendor;
        this.flyway = flyway;
    }

    @Override
    public SchemaVersion schemaVersion() {
        try {
            var current = flyway.get().info().current();
            if (current == null || current.getVersion() == null) {
                throw new StorageException("backup: the database has no schema yet; start tvarr once to create it");
            }
            return new SchemaVersion(current.getVersion().getVersion());
        } catch (FlywayException e) {
            throw new StorageException("backup: cannot read the schema version (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public String vendor() {
        return vendor.folder();
    }

    @Override
    public List<String> tables() {
        try (Connection connection = dataSource.getConnection()) {
            return StoreTables.inLoadOrder(connection);
        } catch (SQLException e) {
            throw new StorageException("backup: cannot list the tables (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public Map<String, Long> read(TableSink sink) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection = snapshotConnection()) {
            connection.setReadOnly(vendor != Vendor.SQLITE);
            connection.setAutoCommit(false);
            if (vendor != Vendor.SQLITE) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            try {
                for (String table : StoreTables.inLoadOrder(connection)) {
                    counts.put(table, readTable(connection, table, sink.table(table)));
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new StorageException("backup: cannot read the database (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new StorageException("backup: cannot write the rows (" + e.getMessage() + ")", e);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * SQLite's pool opens every transaction IMMEDIATE, which would hold every writer back for the whole backup; a
     * connection of its own, deferred, reads one snapshot instead.
     */
    private Connection snapshotConnection() throws SQLException {
        if (vendor != Vendor.SQLITE) {
            return dataSource.getConnection();
        }
        String url;
        try (Connection pooled = dataSource.getConnection()) {
            url = pooled.getMetaData().getURL();
        }
        return DriverManager.getConnection(url);
    }

    private long readTable(Connection connection, String table, OutputStream out) throws SQLException, IOException {
        long count = 0;
        try (Statement select = connection.createStatement()) {
            select.setFetchSize(FETCH);
            try (ResultSet rows = select.executeQuery("SELECT * FROM " + quote(table));
                    JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
                generator.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                ResultSetMetaData meta = rows.getMetaData();
                int columns = meta.getColumnCount();
                String[] names = new String[columns];
                int[] types = new int[columns];
                for (int i = 0; i < columns; i++) {
                    names[i] = meta.getColumnLabel(i + 1).toLowerCase(Locale.ROOT);
                    types[i] = meta.getColumnType(i + 1);
                }
                while (rows.next()) {
                    generator.writeStartObject();
                    for (int i = 0; i < columns; i++) {
                        generator.writeFieldName(names[i]);
                        RowCodec.write(rows, i + 1, types[i], generator);
                    }
                    generator.writeEndObject();
                    count++;
                }
                generator.writeRaw('\n');
            }
        }
        return count;
    }

    @Override
    public StoreLoad load(SchemaVersion archived) {
        SchemaVersion current = schemaVersion();
        if (archived.isNewerThan(current)) {
            throw new ValidationException(
                    "backup archive: schema " + archived + " is newer than this tvarr's schema " + current);
        }
        if (archived.compareTo(current) < 0) {
            rebuildAt(archived);
        }
        try {
            return new Load(dataSource.getConnection());
        } catch (SQLException e) {
            throw new StorageException("restore: cannot connect (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Rows of an older schema fit only that schema: the tables are dropped and made again up to the archive's
     * version, the rows loaded, and the remaining migrations run on commit, as they would have on an upgrade.
     */
    private void rebuildAt(SchemaVersion archived) {
        // Flyway's own clean leaves SQLite's tables in place; dropping them children first works on every database
        try (Connection connection = dataSource.getConnection();
                Statement drop = connection.createStatement()) {
            List<String> tables = new ArrayList<>(StoreTables.inLoadOrder(connection));
            Collections.reverse(tables);
            tables.add(StoreTables.MIGRATION_HISTORY);
            for (String table : tables) {
                drop.executeUpdate("DROP TABLE " + quote(table));
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw new StorageException(
                    "restore: cannot drop the tables to rebuild schema " + archived + " (" + e.getMessage() + ")", e);
        }
        Flyway rebuild = Flyway.configure()
                .configuration(flyway.get().getConfiguration())
                .target(MigrationVersion.fromVersion(archived.value()))
                .load();
        try {
            var migrated = rebuild.migrate();
            log.info("restore rebuilt the schema at version={} applied={}", archived, migrated.migrationsExecuted);
        } catch (FlywayException e) {
            throw new StorageException(
                    "restore: cannot prepare schema " + archived + " for the archive (" + e.getMessage() + ")", e);
        }
    }

    private String quote(String identifier) {
        String quote = vendor == Vendor.MYSQL ? "`" : "\"";
        return quote + identifier + quote;
    }

    /** One transaction: every table emptied, then filled from the archive; nothing shows until commit. */
    private final class Load implements StoreLoad {
        private final Connection connection;
        private boolean committed;

        Load(Connection connection) {
            this.connection = connection;
            try {
                connection.setAutoCommit(false);
                List<String> tables = new ArrayList<>(StoreTables.inLoadOrder(connection));
                Collections.reverse(tables);
                try (Statement delete = connection.createStatement()) {
                    for (String table : tables) {
                        delete.executeUpdate("DELETE FROM " + quote(table));
                    }
                }
            } catch (SQLException e) {
                close();
                throw new StorageException("restore: cannot empty the tables (" + e.getMessage() + ")", e);
            }
        }

        @Override
        public long table(String table, InputStream rows) {
            Map<String, Integer> types = new LinkedHashMap<>();
            try (Statement probe = connection.createStatement();
                    ResultSet empty = probe.executeQuery("SELECT * FROM " + quote(table) + " WHERE 1 = 0")) {
                ResultSetMetaData meta = empty.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    types.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
                }
            } catch (SQLException e) {
                throw new ValidationException(
                        "backup archive: table '" + table + "' does not exist in schema " + "this archive claims ("
                                + e.getMessage() + ")",
                        e);
            }
            List<String> columns = List.copyOf(types.keySet());
            StringBuilder sql =
                    new StringBuilder("INSERT INTO ").append(quote(table)).append(" (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(quote(columns.get(i)));
            }
            sql.append(") VALUES (").append("?, ".repeat(columns.size() - 1)).append("?)");
            long count = 0;
            try (PreparedStatement insert = connection.prepareStatement(sql.toString());
                    JsonParser parser = json.createParser(rows)) {
                int pending = 0;
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token != JsonToken.START_OBJECT) {
                        throw new ValidationException(
                                "backup archive: table '" + table + "' row " + (count + 1) + " is not an object");
                    }
                    JsonNode row = mapper.readTree(parser);
                    count++;
                    for (var names = row.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        if (!types.containsKey(name)) {
                            throw new ValidationException("backup archive: table '" + table + "' row " + count
                                    + " has column '" + name + "', which schema lacks");
                        }
                    }
                    for (int i = 0; i < columns.size(); i++) {
                        String column = columns.get(i);
                        try {
                            RowCodec.bind(insert, i + 1, types.get(column), row.get(column));
                        } catch (IllegalArgumentException e) {
                            throw new ValidationException(
                                    "backup archive: table '" + table + "' row " + count + " column '" + column + "': "
                                            + e.getMessage(),
                                    e);
                        }
                    }
                    insert.addBatch();
                    if (++pending == BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            } catch (JsonProcessingException e) {
                throw new ValidationException(
                        "backup archive: table '" + table + "' row " + (count + 1) + " is malformed ("
                                + e.getOriginalMessage() + "); nothing was restored",
                        e);
            } catch (SQLException e) {
                throw new ValidationException(
                        "backup archive: table '" + table + "' row " + count + " was refused by the database ("
                                + e.getMessage() + "); nothing was restored",
                        e);
            } catch (IOException e) {
                // the rows come out of the archive as they are read: a zip cut short or damaged fails here
                throw new ValidationException(
                        "backup archive: table '" + table + "' cannot be read after row " + count + " ("
                                + e.getMessage() + "); the archive is damaged or cut short, nothing was restored",
                        e);
            }
            return count;
        }

        @Override
        public void commit() {
            try (connection) {
                connection.commit();
                committed = true;
            } catch (SQLException e) {
                throw new StorageException("restore: cannot commit (" + e.getMessage() + ")", e);
            }
            // after the connection is closed: SQLite's driver opens the next transaction right after a commit, and
            // would keep the write lock the migrations need
            try {
                flyway.get().migrate();
            } catch (FlywayException e) {
                throw new StorageException(
                        "restore: rows restored, but migrating them to this tvarr's schema failed (" + e.getMessage()
                                + ")",
                        e);
            }
        }

        @Override
        public void close() {
            if (committed) {
                return;
            }
            try (connection) {
                connection.rollback();
            } catch (SQLException e) {
                throw new StorageException("restore: cannot roll back (" + e.getMessage() + ")", e);
            }
        }
    }
}
