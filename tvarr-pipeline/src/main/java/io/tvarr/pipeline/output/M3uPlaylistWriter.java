package io.tvarr.pipeline.output;

import io.tvarr.domain.PlainText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Writes an extended M3U playlist entry by entry. M3U has no escapes, so double quotes in attribute values become
 * single quotes, and line breaks (also U+0085, U+2028, U+2029) become spaces and control characters go, since a
 * player would read them as a new line or choke on them; commas are safe inside quotes and in the title. Does not close the
 * writer it is given. Not thread-safe.
 */
public final class M3uPlaylistWriter {
    private final Writer out;

    /** Writes the #EXTM3U header; {@code guideUrl} becomes url-tvg and x-tvg-url when given. */
    public M3uPlaylistWriter(Writer out, @Nullable String guideUrl) {
        this.out = out;
        StringBuilder header = new StringBuilder("#EXTM3U");
        if (guideUrl != null) {
            header.append(" url-tvg=\"")
                    .append(attribute(guideUrl))
                    .append("\" x-tvg-url=\"")
                    .append(attribute(guideUrl))
                    .append('"');
        }
        write(header.append('\n'));
    }

    public void write(PlaylistEntry entry) {
        StringBuilder line = new StringBuilder(256).append("#EXTINF:-1");
        appendValue(line, "tvg-id", entry.tvgId());
        appendValue(line, "tvg-name", entry.tvgName());
        // a provider's file: or javascript: logo would be handed to every player as it came
        appendValue(line, "tvg-logo", webUrlOrNull(entry.tvgLogo()));
        appendValue(line, "tvg-chno", entry.channelNumber());
        appendValue(line, "group-title", entry.group());
        if (entry.attributes().size() == 1) {
            entry.attributes().forEach((key, value) -> append(line, key, value));
        } else if (!entry.attributes().isEmpty()) {
            new TreeMap<>(entry.attributes()).forEach((key, value) -> append(line, key, value));
        }
        line.append(',').append(singleLine(entry.name())).append('\n');
        Map<String, String> options =
                entry.vlcOptions().size() < 2 ? entry.vlcOptions() : new TreeMap<>(entry.vlcOptions());
        for (Map.Entry<String, String> option : options.entrySet()) {
            line.append("#EXTVLCOPT:")
                    .append(option.getKey())
                    .append('=')
                    .append(singleLine(option.getValue()))
                    .append('\n');
        }
        line.append(singleLine(entry.url())).append('\n');
        write(line);
    }

    /** A provider's attribute, whose name may be anything: written only when it is a plain attribute name. */
    private static void append(StringBuilder line, String key, @Nullable String value) {
        if (value != null && !value.isEmpty() && isAttributeName(key)) {
            appendValue(line, key, value);
        }
    }

    /** An attribute whose name is known to be plain. */
    private static void appendValue(StringBuilder line, String key, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            line.append(' ').append(key).append("=\"").append(attribute(value)).append('"');
        }
    }

    private static @Nullable String webUrlOrNull(@Nullable String url) {
        return url != null
                        && (url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8))
                ? url
                : null;
    }

    /** {@code [A-Za-z0-9_-]+} */
    private static boolean isAttributeName(String key) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return !key.isEmpty();
    }

    private static String attribute(String value) {
        return isPlain(value) && value.indexOf('"') < 0
                ? value
                : singleLine(value).replace('"', '\'');
    }

    private static String singleLine(String value) {
        return isPlain(value) ? value : PlainText.singleLine(value.replace("\r\n", "\n"));
    }

    /**
     * Printable ASCII: nothing to clean. Most values are, and one scan then replaces the two that cleaning takes
     * (a fifth of a generation's writing, #19).
     */
    private static boolean isPlain(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return true;
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("playlist could not be written: " + e.getMessage(), e);
        }
    }
}
