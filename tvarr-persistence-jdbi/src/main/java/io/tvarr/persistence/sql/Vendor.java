package io.tvarr.persistence.sql;

import io.tvarr.domain.ValidationException;
import java.util.Locale;

/** The database families tvarr supports; each has its own Flyway folder where SQL differs. */
public enum Vendor {
    SQLITE("sqlite", "org.sqlite.JDBC"),
    POSTGRESQL("postgresql", "org.postgresql.Driver"),
    MYSQL("mysql", "org.mariadb.jdbc.Driver");

    private final String folder;
    private final String driverClass;

    Vendor(String folder, String driverClass) {
        this.folder = folder;
        this.driverClass = driverClass;
    }

    /** {@code jdbc:oracle} for {@code jdbc:oracle:thin:scott/tiger@…}: the driver's name and nothing after it. */
    private static String kind(String url) {
        if (!url.regionMatches(true, 0, "jdbc:", 0, 5)) {
            return "non-JDBC";
        }
        int end = 5;
        while (end < url.length() && Character.isLetterOrDigit(url.charAt(end))) {
            end++;
        }
        return url.substring(0, end);
    }

    public static Vendor of(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        // only the kind: other drivers' URLs hold credentials in shapes Redaction does not know (user/pass@host)
        throw new ValidationException("database.url: a " + kind(url)
                + " URL (expected: jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB or jdbc:mariadb://HOST/DB)");
    }

    public String folder() {
        return folder;
    }

    public String driverClass() {
        return driverClass;
    }

    /** The MariaDB driver serves both MySQL and MariaDB; it only accepts its own URL prefix. */
    public String driverUrl(String url) {
        if (this == MYSQL && url.regionMatches(true, 0, "jdbc:mysql:", 0, 11)) {
            return "jdbc:mariadb:" + url.substring(11);
        }
        return url;
    }
}
