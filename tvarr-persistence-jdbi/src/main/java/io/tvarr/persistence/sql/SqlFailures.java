package io.tvarr.persistence.sql;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Says what went wrong in the database in words a user can act on, never with the statement or its bound values
 * (JDBI's and the drivers' messages carry both: a provider password, a stream URL, a duplicate key).
 */
public final class SqlFailures {
    private SqlFailures() {}

    /** A description of the deepest SQL failure in the chain, by its SQLite result code or its SQLState class. */
    public static String describe(Throwable failure) {
        SQLException sql = deepestSqlException(failure);
        if (sql == null) {
            return "unexpected failure without a database error code";
        }
        if (sql instanceof SQLiteException sqlite) {
            return sqlite(sqlite.getResultCode());
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        String code = " (SQLState " + (state.isEmpty() ? "unknown" : state) + ", code " + sql.getErrorCode() + ")";
        String category = state.length() >= 2 ? state.substring(0, 2) : "";
        return switch (category) {
            case "23" -> "a constraint was violated" + code;
            case "40" -> "the database rolled the transaction back: a deadlock or a conflicting write" + code;
            case "08" -> "the connection to the database failed" + code;
            case "53" -> "the database ran out of resources: disk, memory or connections" + code;
            case "57" -> "the database is shutting down or cancelled the statement" + code;
            case "28" -> "the database refused the login" + code;
            case "42" -> "the database does not know a table or column: is the schema migrated?" + code;
            default -> "the database refused the statement" + code;
        };
    }

    /** Whether SQLite refused because another connection held the lock past the busy timeout. */
    public static boolean isBusy(Throwable failure) {
        SQLException sql = deepestSqlException(failure);
        if (!(sql instanceof SQLiteException sqlite)) {
            return false;
        }
        int primary = sqlite.getResultCode().code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    /**
     * Whether a unique or primary key index refused a duplicate: SQLite's extended result codes, PostgreSQL's
     * SQLState 23505, MySQL's and MariaDB's error 1062 (their SQLState 23000 covers every integrity violation).
     */
    public static boolean isUniqueViolation(Throwable failure) {
        SQLException sql = deepestSqlException(failure);
        if (sql == null) {
            return false;
        }
        if (sql instanceof SQLiteException sqlite) {
            SQLiteErrorCode code = sqlite.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
        }
        return "23505".equals(sql.getSQLState()) || (sql.getErrorCode() == 1062 && "23000".equals(sql.getSQLState()));
    }

    private static String sqlite(SQLiteErrorCode code) {
        int primary = code.code & 0xff;
        if (primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code) {
            return "the database is busy: another write held the lock longer than the busy timeout (" + code.name()
                    + ")";
        }
        if (primary == SQLiteErrorCode.SQLITE_CONSTRAINT.code) {
            return "a constraint was violated (" + code.name() + ")";
        }
        if (primary == SQLiteErrorCode.SQLITE_FULL.code) {
            return "the disk is full (" + code.name() + ")";
        }
        if (primary == SQLiteErrorCode.SQLITE_READONLY.code || primary == SQLiteErrorCode.SQLITE_CANTOPEN.code) {
            return "the database file cannot be written or opened: check its permissions (" + code.name() + ")";
        }
        if (primary == SQLiteErrorCode.SQLITE_CORRUPT.code || primary == SQLiteErrorCode.SQLITE_NOTADB.code) {
            return "the database file is damaged or not a database (" + code.name() + ")";
        }
        return "the database refused the statement (" + code.name() + ")";
    }

    private static @Nullable SQLException deepestSqlException(Throwable failure) {
        SQLException deepest = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                deepest = sql;
            }
        }
        return deepest;
    }
}
