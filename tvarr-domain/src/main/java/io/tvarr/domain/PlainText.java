package io.tvarr.domain;

/**
 * Cleans text from sources so that it can be written to XMLTV (XML 1.0) and M3U without breaking either: names,
 * titles and groups become one line ({@link #singleLine}), descriptions keep their line breaks ({@link #multiLine}).
 * Removed: C0 and C1 control characters, DEL, the noncharacters U+FFFE and U+FFFF, and unpaired surrogates.
 * Line breaks (CR, LF, NEL U+0085, U+2028, U+2029) become a space or a newline; TAB a space on a single line.
 *
 * <p>Text that is already clean is returned as the same instance without allocating, so running every
 * programme of a guide through it costs one scan. Nothing is stripped or collapsed: callers strip as before.
 * Stateless and thread-safe.
 */
public final class PlainText {
    private PlainText() {}

    /** A name, title or group on one line: controls removed, line breaks and tabs turned into spaces. */
    public static String singleLine(String text) {
        return clean(text, false);
    }

    /**
     * A description: controls removed, {@code \n} and {@code \t} kept, CRLF, CR, U+0085, U+2028 and U+2029
     * turned into {@code \n}.
     */
    public static String multiLine(String text) {
        return clean(text, true);
    }

    private static String clean(String text, boolean multiLine) {
        int first = firstUnclean(text, multiLine);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                }
            } else if (isLineBreak(c)) {
                if (multiLine) {
                    if (c != '\r' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        out.append('\n');
                    }
                } else {
                    out.append(' ');
                }
            } else if (c == '\t') {
                out.append(multiLine ? '\t' : ' ');
            } else if (!isRemoved(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The index of the first character that must change, or -1 when the text is clean. */
    private static int firstUnclean(String text, boolean multiLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                continue; // the common case first
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            boolean kept = multiLine ? c == '\n' || c == '\t' : false;
            if (!kept && (isLineBreak(c) || c == '\t' || isRemoved(c))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Controls (C0 without TAB/LF/CR, DEL, C1 without NEL), noncharacters and lone low surrogates. */
    private static boolean isRemoved(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                || c >= 0x7f && c <= 0x9f && c != '\u0085'
                || c == '\uFFFE'
                || c == '\uFFFF'
                || Character.isLowSurrogate(c);
    }
}
