package io.tvarr.persistence.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/**
 * One column value between a database and the archive's JSON, by the column's JDBC type: numbers as numbers,
 * booleans as booleans, bytes as base64, the rest as text. Loading converts by the target's column type, since SQLite
 * reports a boolean column as an integer one and the archive may come from another database.
 */
final class RowCodec {
    private RowCodec() {}

    static void write(ResultSet rows, int column, int type, JsonGenerator json) throws SQLException, IOException {
        switch (kind(type)) {
            case BOOLEAN -> {
                boolean value = rows.getBoolean(column);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeBoolean(value);
                }
            }
            case INTEGER -> {
                long value = rows.getLong(column);
                if (rows.wasNull()) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case DECIMAL -> {
                var value = rows.getBigDecimal(column);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeNumber(value);
                }
            }
            case BINARY -> {
                byte[] value = rows.getBytes(column);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeBinary(value);
                }
            }
            case TEXT -> {
                String value = rows.getString(column);
                if (value == null) {
                    json.writeNull();
                } else {
                    json.writeString(value);
                }
            }
        }
    }

    /** @throws IllegalArgumentException when the value does not fit the column, with the reason */
    static void bind(PreparedStatement insert, int index, int type, JsonNode value) throws SQLException, IOException {
        if (value == null || value.isNull()) {
            insert.setNull(index, type);
            return;
        }
        switch (kind(type)) {
            case BOOLEAN -> insert.setBoolean(index, asBoolean(value));
            case INTEGER -> insert.setLong(index, asLong(value));
            case DECIMAL -> insert.setBigDecimal(index, new java.math.BigDecimal(value.asText()));
            case BINARY -> insert.setBytes(index, value.binaryValue());
            case TEXT -> insert.setString(index, value.isTextual() ? value.textValue() : value.toString());
        }
    }

    private static boolean asBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber()) {
            return value.longValue() != 0;
        }
        return switch (value.asText()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new IllegalArgumentException("'" + value.asText() + "' is not a boolean");
        };
    }

    private static long asLong(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.longValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? 1 : 0;
        }
        try {
            return Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value.asText() + "' is not an integer", e);
        }
    }

    private enum Kind {
        BOOLEAN,
        INTEGER,
        DECIMAL,
        BINARY,
        TEXT
    }

    private static Kind kind(int type) {
        return switch (type) {
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            case Types.REAL, Types.FLOAT, Types.DOUBLE, Types.NUMERIC, Types.DECIMAL -> Kind.DECIMAL;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BINARY;
            default -> Kind.TEXT;
        };
    }
}
