package io.tvarr.ingest.m3u;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the part after {@code #EXTINF:} — a duration, attributes ({@code key="v"}, {@code key='v'} or
 * {@code key=v}) and, after the first comma outside quotes, the title. Commas inside quotes belong to values.
 */
final class ExtinfLine {
    final double duration;
    final Map<String, String> attributes;
    final String title;

    private ExtinfLine(double duration, Map<String, String> attributes, String title) {
        this.duration = duration;
        this.attributes = attributes;
        this.title = title;
    }

    /**
     * Parses the text from {@code from} on (after the tag, so the line is not copied); an attribute value with no
     * closing quote is the one malformed case.
     */
    static ExtinfLine parse(String text, int from, int line) {
        int pos = from;
        int length = text.length();
        int start = pos;
        while (pos < length && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != ',') {
            pos++;
        }
        double duration = parseDuration(text.substring(start, pos));
        Map<String, String> attributes = new LinkedHashMap<>();
        while (pos < length) {
            char c = text.charAt(pos);
            if (c == ',') {
                return new ExtinfLine(
                        duration, attributes, text.substring(pos + 1).strip());
            }
            if (Character.isWhitespace(c)) {
                pos++;
                continue;
            }
            int nameStart = pos;
            while (pos < length
                    && text.charAt(pos) != '='
                    && text.charAt(pos) != ','
                    && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(nameStart, pos);
            if (pos >= length || text.charAt(pos) != '=') {
                continue; // a bare word before the title carries nothing
            }
            pos++;
            if (pos < length && (text.charAt(pos) == '"' || text.charAt(pos) == '\'')) {
                char quote = text.charAt(pos);
                int close = text.indexOf(quote, pos + 1);
                if (close < 0) {
                    throw new MalformedEntry("line " + line + ": value of attribute '" + name + "' is not closed");
                }
                attributes.put(name.toLowerCase(java.util.Locale.ROOT), text.substring(pos + 1, close));
                pos = close + 1;
            } else {
                int valueStart = pos;
                while (pos < length && !Character.isWhitespace(text.charAt(pos)) && text.charAt(pos) != ',') {
                    pos++;
                }
                attributes.put(name.toLowerCase(java.util.Locale.ROOT), text.substring(valueStart, pos));
            }
        }
        return new ExtinfLine(duration, attributes, "");
    }

    private static double parseDuration(String text) {
        try {
            return text.isEmpty() ? 0 : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** One entry is unusable; the playlist goes on. */
    static final class MalformedEntry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedEntry(String message) {
            super(message, null, false, false);
        }
    }
}
