package io.tvarr.persistence.backup;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The store's tables as the database's own catalogue lists them, so a table a migration adds is in every backup
 * without anyone remembering to list it; ordered so each table comes after the tables its foreign keys point at.
 */
final class StoreTables {
    static final String MIGRATION_HISTORY = "flyway_schema_history";

    private StoreTables() {}

    static List<String> inLoadOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        String schema = connection.getSchema();
        Map<String, Set<String>> parents = new TreeMap<>();
        try (ResultSet tables = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals(MIGRATION_HISTORY) && !name.startsWith("sqlite_")) {
                    parents.put(name, new TreeSet<>());
                }
            }
        }
        for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
            try (ResultSet keys = meta.getImportedKeys(catalog, schema, table.getKey())) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(table.getKey()) && parents.containsKey(parent)) {
                        table.getValue().add(parent);
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new TreeSet<>();
        while (ordered.size() < parents.size()) {
            boolean progressed = false;
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
                    ordered.add(table.getKey());
                    placed.add(table.getKey());
                    progressed = true;
                }
            }
            if (!progressed) {
                throw new SQLException("tables refer to each other in a cycle: "
                        + parents.keySet().stream()
                                .filter(name -> !placed.contains(name))
                                .toList());
            }
        }
        return ordered;
    }
}
