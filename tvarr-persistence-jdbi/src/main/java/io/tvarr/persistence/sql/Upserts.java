package io.tvarr.persistence.sql;

import java.util.List;
import java.util.stream.Collectors;

/** Builds "insert or overwrite by key" and "insert unless the key is there" statements in each vendor's dialect. */
public final class Upserts {
    private Upserts() {}

    public static String upsert(Vendor vendor, String table, List<String> keys, List<String> columns) {
        return upsert(
                vendor, table, keys, columns, columns.stream().map(c -> ":" + c).toList());
    }

    /** The same statement with {@code ?} placeholders in column order, for plain JDBC batches. */
    public static String positionalUpsert(Vendor vendor, String table, List<String> keys, List<String> columns) {
        return upsert(
                vendor, table, keys, columns, columns.stream().map(c -> "?").toList());
    }

    /**
     * An insert that leaves a row already stored under the key as it is, in one statement: checking first and then
     * inserting lets two writers at READ COMMITTED both see no row, and the second fails on the key. MySQL's
     * {@code INSERT IGNORE} would also turn other errors into warnings; a no-op update of the key column does not.
     */
    public static String insertIfAbsent(Vendor vendor, String table, List<String> keys, List<String> columns) {
        String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + columns.stream().map(c -> ":" + c).collect(Collectors.joining(", ")) + ")";
        String key = keys.get(0);
        return switch (vendor) {
            case SQLITE, POSTGRESQL -> insert + " ON CONFLICT (" + String.join(", ", keys) + ") DO NOTHING";
            case MYSQL -> insert + " ON DUPLICATE KEY UPDATE " + key + " = " + key;
        };
    }

    private static String upsert(
            Vendor vendor, String table, List<String> keys, List<String> columns, List<String> placeholders) {
        String names = String.join(", ", columns);
        String values = String.join(", ", placeholders);
        List<String> updated = columns.stream().filter(c -> !keys.contains(c)).toList();
        String insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + values + ")";
        return switch (vendor) {
            case SQLITE, POSTGRESQL ->
                insert + " ON CONFLICT (" + String.join(", ", keys) + ") DO UPDATE SET "
                        + updated.stream().map(c -> c + " = EXCLUDED." + c).collect(Collectors.joining(", "));
            case MYSQL ->
                insert + " ON DUPLICATE KEY UPDATE "
                        + updated.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
        };
    }
}
