package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The M3U form of a proxy's manual channels: {@code #EXTINF:-1} with {@code tvg-id}, {@code tvg-chno}, {@code
 * tvg-logo}, {@code group-title} and {@code tvarr-guide-channel} (the pinned guide channel), the name after the comma,
 * then the stream URL. Reading refuses the first mistake with its line number; other {@code #} lines are ignored
 * ({@code #EXTGRP} gives the group when {@code group-title} does not).
 */
public final class ManualChannelsM3u {
    /** Far above any real playlist line, so a hostile body cannot make one line hold the heap. */
    static final int MAX_LINE = 64 * 1024;

    private ManualChannelsM3u() {}

    /** An entry as read, before it is given an id and position. */
    public record Entry(
            int line,
            String name,
            String streamUrl,
            @Nullable String tvgId,
            @Nullable String logoUrl,
            @Nullable String group,
            @Nullable Integer number,
            @Nullable String guideChannelId) {
        /** The manual channel this entry makes, checked; a mistake names the entry's line. */
        public ManualChannel toChannel(ChannelId id, ProxyId proxy, int position, Instant at) {
            try {
                return new ManualChannel(
                        id, proxy, name, streamUrl, tvgId, logoUrl, group, number, guideChannelId, position, at);
            } catch (ValidationException e) {
                throw new ValidationException("line " + line + ": " + e.getMessage());
            }
        }

        /** A checked channel with a new id, for an entry that matches none already stored. */
        public ManualChannel toNewChannel(ProxyId proxy, int position, Instant at) {
            return toChannel(new ChannelId(UUID.randomUUID()), proxy, position, at);
        }
    }

    /** Reads every entry, refusing the first mistake with its line; at most {@code maxEntries}. */
    public static List<Entry> read(Reader playlist, int maxEntries) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(playlist)) {
            int number = 0;
            int extinfLine = 0;
            @Nullable String extinf = null;
            @Nullable String extgrp = null;
            String line;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.length() > MAX_LINE) {
                    throw new ValidationException("line " + number + ": " + line.length()
                            + " characters (expected: at most " + MAX_LINE + ")");
                }
                String text = line.strip();
                if (number == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1).strip();
                }
                if (text.isEmpty()) {
                    continue;
                }
                if (text.regionMatches(true, 0, "#EXTINF:", 0, 8)) {
                    if (extinf != null) {
                        throw new ValidationException("line " + extinfLine + ": #EXTINF without a stream URL after it");
                    }
                    extinf = text;
                    extinfLine = number;
                    extgrp = null;
                } else if (text.regionMatches(true, 0, "#EXTGRP:", 0, 8)) {
                    extgrp = text.substring(8).strip();
                } else if (text.startsWith("#")) {
                    continue;
                } else {
                    if (extinf == null) {
                        throw new ValidationException("line " + number
                                + ": stream URL without an #EXTINF line before it (expected: #EXTINF:-1 ...,name)");
                    }
                    if (entries.size() == maxEntries) {
                        throw new ValidationException("line " + number + ": more than " + maxEntries
                                + " channels (expected: at most " + maxEntries + ")");
                    }
                    entries.add(entry(extinfLine, extinf, extgrp, number, text));
                    extinf = null;
                    extgrp = null;
                }
            }
            if (extinf != null) {
                throw new ValidationException("line " + extinfLine + ": #EXTINF without a stream URL after it");
            }
            return entries;
        } catch (IOException e) {
            throw new UpstreamException("playlist: could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static Entry entry(int line, String extinf, @Nullable String extgrp, int urlLine, String url) {
        Map<String, String> attributes = new LinkedHashMap<>();
        int i = 8;
        // the duration, then attributes up to the first comma outside quotes, then the name
        while (i < extinf.length() && extinf.charAt(i) != ',' && !Character.isWhitespace(extinf.charAt(i))) {
            i++;
        }
        while (true) {
            while (i < extinf.length() && Character.isWhitespace(extinf.charAt(i))) {
                i++;
            }
            if (i >= extinf.length()) {
                throw new ValidationException("line " + line
                        + ": #EXTINF without a channel name (expected: a comma and the name after the attributes)");
            }
            if (extinf.charAt(i) == ',') {
                break;
            }
            int equals = extinf.indexOf('=', i);
            if (equals < 0 || extinf.indexOf(',', i) >= 0 && extinf.indexOf(',', i) < equals) {
                throw new ValidationException("line " + line + ": attribute at column " + (i + 1)
                        + " has no value (expected: name=\"value\")");
            }
            String key = extinf.substring(i, equals).strip().toLowerCase(java.util.Locale.ROOT);
            if (equals + 1 >= extinf.length() || extinf.charAt(equals + 1) != '"') {
                throw new ValidationException("line " + line + ": attribute '" + key + "' value not quoted (expected: "
                        + key + "=\"value\")");
            }
            int close = extinf.indexOf('"', equals + 2);
            if (close < 0) {
                throw new ValidationException("line " + line + ": attribute '" + key + "' value not closed");
            }
            attributes.put(key, extinf.substring(equals + 2, close));
            i = close + 1;
        }
        String name = extinf.substring(i + 1).strip();
        if (name.isEmpty()) {
            throw new ValidationException("line " + line + ": #EXTINF without a channel name after the comma");
        }
        String group = attributes.get("group-title");
        return new Entry(
                urlLine,
                name,
                url,
                attributes.get("tvg-id"),
                attributes.get("tvg-logo"),
                group == null || group.isBlank() ? extgrp : group,
                number(line, attributes.get("tvg-chno")),
                attributes.get("tvarr-guide-channel"));
    }

    private static @Nullable Integer number(int line, @Nullable String value) {
        String text = Checks.blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            throw new ValidationException("line " + line + ": tvg-chno '" + text + "' (expected: a whole number 1-"
                    + ChannelOverride.MAX_NUMBER + ")");
        }
    }

    /** Writes the channels in their order; a double quote in a value becomes a single one (M3U cannot escape it). */
    public static void write(List<ManualChannel> channels, Writer out) {
        try {
            out.write("#EXTM3U\n");
            for (ManualChannel channel : channels) {
                StringBuilder line = new StringBuilder("#EXTINF:-1");
                attribute(line, "tvg-id", channel.tvgId());
                attribute(
                        line,
                        "tvg-chno",
                        channel.number() == null ? null : channel.number().toString());
                attribute(line, "tvg-logo", channel.logoUrl());
                attribute(line, "group-title", channel.group());
                attribute(line, "tvarr-guide-channel", channel.guideChannelId());
                line.append(',').append(channel.name()).append('\n');
                line.append(channel.streamUrl()).append('\n');
                out.write(line.toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void attribute(StringBuilder line, String key, @Nullable String value) {
        if (value != null) {
            line.append(' ')
                    .append(key)
                    .append("=\"")
                    .append(value.replace('"', '\''))
                    .append('"');
        }
    }
}
