package io.tvarr.domain.source;

import io.tvarr.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What an uploaded source file must be, told from its first bytes (already un-gzipped): a file that is clearly
 * something else (a web page, an image, a guide given as a playlist) is refused before it is stored.
 */
public enum SourceFileKind {
    /** An M3U playlist: its first line is {@code #EXTM3U}, an {@code #EXTINF} entry or a stream URL. */
    PLAYLIST(".m3u", "an M3U playlist", "a first line of #EXTM3U, #EXTINF or a stream URL"),
    /** An XMLTV guide: an XML document whose root is {@code <tv>}. */
    GUIDE(".xml", "an XMLTV guide", "an XML document with a <tv> root");

    private static final int SHOWN = 40;

    private final String suffix;
    private final String what;
    private final String expected;

    SourceFileKind(String suffix, String what, String expected) {
        this.suffix = suffix;
        this.what = what;
        this.expected = expected;
    }

    /** The stored file's name ends with this: {@code .m3u}, {@code .xml}, with {@code .gz} when it is gzipped. */
    public String suffix(boolean gzip) {
        return gzip ? suffix + ".gz" : suffix;
    }

    /**
     * @param head the file's first bytes, un-gzipped; may end in the middle of a line or character
     * @throws ValidationException naming the field {@code file}, what was expected and what the file starts with
     */
    public void check(byte[] head) {
        String text = new String(head, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.stripLeading();
        boolean fits = this == PLAYLIST ? isPlaylist(text) : isGuide(text);
        if (!fits) {
            throw new ValidationException(
                    "file: not " + what + " (expected " + expected + "; it starts with '" + shown(text) + "')");
        }
    }

    private static boolean isPlaylist(String text) {
        String first = text.lines().findFirst().orElse("").strip();
        String lower = first.toLowerCase(Locale.ROOT);
        return lower.startsWith("#extm3u") || lower.startsWith("#extinf:") || lower.matches("[a-z][a-z0-9+.-]*://\\S+");
    }

    private static boolean isGuide(String text) {
        return text.startsWith("<") && text.matches("(?s).*<tv[\\s>/].*");
    }

    /** The start of the file as a person would read it: one line, control characters as '?'. */
    private static String shown(String text) {
        String line = text.lines().findFirst().orElse("");
        String cut = line.length() > SHOWN ? line.substring(0, SHOWN) + "…" : line;
        return cut.replaceAll("[\\p{Cntrl}\\uFFFD]", "?");
    }
}
