package io.tvarr.persistence.sql;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * Reads text columns by position on the hot read paths (channels and programmes of a generation).
 *
 * <p>sqlite-jdbc hands each {@code getString} value over as a direct buffer made in JNI, which costs about twice
 * as much as copying the same UTF-8 bytes into an array with {@code getBytes}; with a dozen text columns per
 * programme that was most of the time spent reading a large guide. SQLite stores text as UTF-8, so decoding the
 * bytes here gives the same string. Other drivers convert text themselves and keep {@code getString}.
 */
public final class TextColumns {
    private final boolean utf8Bytes;

    public TextColumns(Vendor vendor) {
        this.utf8Bytes = vendor == Vendor.SQLITE;
    }

    public @Nullable String text(ResultSet rs, int column) throws SQLException {
        if (!utf8Bytes) {
            return rs.getString(column);
        }
        byte[] bytes = rs.getBytes(column);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** The raw UTF-8 of a text column, for values that are parsed rather than kept (JSON columns). */
    public byte @Nullable [] utf8(ResultSet rs, int column) throws SQLException {
        if (utf8Bytes) {
            return rs.getBytes(column);
        }
        String text = rs.getString(column);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
