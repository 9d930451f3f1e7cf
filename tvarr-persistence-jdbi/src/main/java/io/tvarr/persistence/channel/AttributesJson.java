package io.tvarr.persistence.channel;

import io.tvarr.persistence.sql.JsonColumns;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A channel's attributes in their text column: a flat JSON object of strings, written and read here by hand. Every
 * channel of a 100k-entry playlist has some (tvg-language, catch-up settings), and Jackson's generator and binding
 * reader, set up anew for each row, cost more than the rest of the row's values together. Reading takes the common
 * shape (no escapes) itself and hands anything else to {@link JsonColumns}, so every valid value still reads back.
 * Thread-safe.
 */
final class AttributesJson {
    private final JsonColumns json;

    AttributesJson(JsonColumns json) {
        this.json = json;
    }

    /** The attributes as JSON, in the same form Jackson writes ({@code {"a":"b"}}, non-ASCII kept as it is). */
    String write(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return "{}";
        }
        StringBuilder out = new StringBuilder(16 + 32 * attributes.size()).append('{');
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, attribute.getKey());
            out.append(':');
            quote(out, attribute.getValue());
        }
        return out.append('}').toString();
    }

    /** The attributes of a column's UTF-8; an unmodifiable map, empty for a missing value. */
    Map<String, String> read(byte @Nullable [] utf8) {
        if (utf8 == null) {
            return Map.of();
        }
        Map<String, String> plain = plainObject(utf8);
        return plain != null ? plain : Map.copyOf(json.stringMap(utf8));
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** An object of strings without escapes, or null for any other shape (left to Jackson). */
    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, String> plainObject(byte[] utf8) {
        Scanner in = new Scanner(utf8);
        if (in.next() != '{') {
            return null;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(4);
        int c = in.next();
        while (c != '}') {
            if (!entries.isEmpty()) {
                if (c != ',') {
                    return null;
                }
                c = in.next();
            }
            String key = c == '"' ? in.string() : null;
            if (key == null || in.next() != ':' || in.next() != '"') {
                return null;
            }
            String value = in.string();
            if (value == null) {
                return null;
            }
            entries.add(Map.entry(key, value));
            c = in.next();
        }
        if (in.next() != -1) {
            return null;
        }
        try {
            return Map.ofEntries(entries.toArray(Map.Entry[]::new));
        } catch (IllegalArgumentException repeatedKey) {
            return null; // never written so, but valid JSON: Jackson's reading (the last value wins) decides
        }
    }

    /** Reads JSON's structural bytes, skipping white space; -1 at the end. */
    private static final class Scanner {
        private final byte[] bytes;
        private int at;

        Scanner(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            while (at < bytes.length) {
                byte b = bytes[at++];
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    return b;
                }
            }
            return -1;
        }

        /** The string whose opening quote was just read, or null when it has an escape or is not closed. */
        @Nullable
        String string() {
            int start = at;
            while (at < bytes.length) {
                byte b = bytes[at];
                if (b == '"') {
                    at++;
                    return new String(bytes, start, at - 1 - start, StandardCharsets.UTF_8);
                }
                if (b == '\\' || (b >= 0 && b < 0x20)) {
                    return null;
                }
                at++;
            }
            return null;
        }
    }
}
