package io.tvarr.ingest.m3u;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A streaming M3U/M3U8 playlist parser: entries go to the listener as they are read, so memory does not grow with
 * the playlist. Malformed entries are reported and skipped; only a playlist that is unusable as a whole (binary,
 * over a limit) raises {@link M3uParseException}. Stateless and thread-safe; the caller closes the stream.
 */
public final class M3uParser {
    private final M3uLimits limits;

    public M3uParser(M3uLimits limits) {
        this.limits = limits;
    }

    public void parse(InputStream in, M3uListener listener) {
        try (TextInput text = new TextInput(new NonClosing(in), limits)) {
            new Run(text, listener).run();
        } catch (IOException e) {
            throw new UncheckedIOException("playlist could not be read: " + e.getMessage(), e);
        }
    }

    /** The state of one parse: the entry being assembled from its #-lines until its URL arrives. */
    private static final class Run {
        private final TextInput text;
        private final M3uListener listener;
        private boolean contentSeen;
        private boolean headerSeen;
        private boolean entriesSeen;
        private int entryLine;
        private @Nullable ExtinfLine extinf;
        private @Nullable String group;
        private final Map<String, String> options = new HashMap<>();
        private final List<String> kodi = new ArrayList<>();

        Run(TextInput text, M3uListener listener) {
            this.text = text;
            this.listener = listener;
        }

        void run() throws IOException {
            for (String raw = text.next(); raw != null; raw = text.next()) {
                String line = raw.strip();
                if (line.isEmpty()) {
                    continue;
                }
                int number = text.lineNumber();
                if (!contentSeen) {
                    contentSeen = true;
                    refuseMarkup(line, number);
                }
                if (line.startsWith("#")) {
                    directive(line, number);
                } else {
                    url(line, number);
                }
            }
            if (extinf != null) {
                listener.malformed(entryLine, "line " + entryLine + ": entry has no stream URL");
            }
        }

        /** Tags are matched in place, ignoring case: no upper-cased copy of every line. */
        private void directive(String line, int number) {
            if (tag(line, "#EXTM3U")) {
                if (!headerSeen && !entriesSeen) {
                    headerSeen = true;
                    listener.header(headerAttributes(line.substring(7), number));
                }
            } else if (tag(line, "#EXTINF:")) {
                if (extinf != null) {
                    listener.malformed(entryLine, "line " + entryLine + ": entry has no stream URL");
                }
                reset();
                entryLine = number;
                try {
                    extinf = ExtinfLine.parse(line, 8, number);
                } catch (ExtinfLine.MalformedEntry e) {
                    listener.malformed(number, e.getMessage());
                    extinf = null;
                    skipUntilUrl = true;
                }
            } else if (tag(line, "#EXTGRP:")) {
                group = line.substring(8).strip();
            } else if (tag(line, "#EXTVLCOPT:")) {
                String option = line.substring(11);
                int eq = option.indexOf('=');
                if (eq > 0) {
                    options.put(
                            option.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                            option.substring(eq + 1).strip());
                }
            } else if (tag(line, "#KODIPROP:")) {
                kodi.add(line.substring(10).strip());
            }
        }

        private static boolean tag(String line, String tag) {
            return line.regionMatches(true, 0, tag, 0, tag.length());
        }

        private boolean skipUntilUrl;

        private void url(String line, int number) {
            entriesSeen = true;
            if (skipUntilUrl) {
                skipUntilUrl = false;
                reset();
                return;
            }
            if (!isStreamUrl(line)) {
                listener.malformed(number, "line " + number + ": not a stream URL: '" + abbreviate(line) + "'");
                reset();
                return;
            }
            ExtinfLine info = extinf;
            listener.entry(new M3uEntry(
                    info == null ? number : entryLine,
                    info == null ? 0 : info.duration,
                    info == null ? null : info.title,
                    info == null ? Map.of() : info.attributes,
                    group,
                    options,
                    kodi,
                    line));
            reset();
        }

        /**
         * A web page or a guide where a playlist was expected would otherwise be read line by line as thousands of
         * bad entries; its first line names it at once.
         */
        private static void refuseMarkup(String line, int number) {
            if (!line.startsWith("<")) {
                return;
            }
            String head = line.substring(0, Math.min(line.length(), 256)).toLowerCase(Locale.ROOT);
            if (head.contains("<html")
                    || head.contains("doctype html")
                    || head.startsWith("<head")
                    || head.startsWith("<body")) {
                throw new M3uParseException(
                        "line " + number + ": an HTML page, not an M3U playlist (an error or login page?)");
            }
            if (head.startsWith("<?xml") || head.startsWith("<tv") || head.startsWith("<!doctype tv")) {
                throw new M3uParseException(
                        "line " + number + ": an XML document (an XMLTV guide?), not an M3U playlist");
            }
        }

        private Map<String, String> headerAttributes(String text, int number) {
            try {
                return ExtinfLine.parse("0 " + text, 0, number).attributes;
            } catch (ExtinfLine.MalformedEntry e) {
                listener.malformed(number, e.getMessage());
                return new LinkedHashMap<>();
            }
        }

        private void reset() {
            extinf = null;
            group = null;
            options.clear();
            kodi.clear();
        }

        private static String abbreviate(String text) {
            return text.length() > 60 ? text.substring(0, 60) + "…" : text;
        }
    }

    /**
     * A scheme ({@code [a-z][a-z0-9+.-]*}, any case), {@code ://} and at least one more character, with no
     * whitespace anywhere: what a player can open. Checked by hand, as a regex cost a matcher per entry.
     */
    static boolean isStreamUrl(String line) {
        int length = line.length();
        int i = 0;
        if (length == 0 || !isAsciiLetter(line.charAt(0))) {
            return false;
        }
        for (i = 1; i < length; i++) {
            char c = line.charAt(i);
            if (!(isAsciiLetter(c) || c >= '0' && c <= '9' || c == '+' || c == '.' || c == '-')) {
                break;
            }
        }
        if (!line.startsWith("://", i) || i + 3 >= length) {
            return false;
        }
        for (int j = i + 3; j < length; j++) {
            char c = line.charAt(j);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** The caller owns the stream; the parser's readers must not close it. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
