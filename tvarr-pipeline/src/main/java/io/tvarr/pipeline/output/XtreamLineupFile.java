package io.tvarr.pipeline.output;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.xtream.XtreamChannel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The published lineup as the Xtream door reads it, beside the playlist: one tab-separated line per output
 * channel in output order (stream id, channel id, number, name, group, logo, guide id, guide source, catch-up days;
 * empty for none). Tabs and line breaks in values become spaces, as in the playlist. Written and read as a stream, a
 * line at a time. Version 1 had no guide source and version 2 no catch-up days; both still read, so that stream ids
 * carry over into the first generation after an upgrade.
 */
public final class XtreamLineupFile {
    /** The file name in a proxy's output directory. */
    public static final String NAME = "xtream-lineup.tsv";

    private static final String HEADER = "#tvarr-xtream-lineup\t3";
    private static final String HEADER_V2 = "#tvarr-xtream-lineup\t2";
    private static final String HEADER_V1 = "#tvarr-xtream-lineup\t1";

    private XtreamLineupFile() {}

    /** Writes lines to a stream it does not close. Not thread-safe. */
    public static final class LineWriter {
        private final Writer out;

        public LineWriter(OutputStream stream) {
            this.out = new Utf8TextWriter(stream, 64 * 1024);
            append(HEADER + "\n");
        }

        public void write(XtreamChannel channel) {
            StringBuilder line = new StringBuilder(160)
                    .append(channel.streamId())
                    .append('\t')
                    .append(channel.channelId());
            field(line, channel.number() == null ? null : channel.number().toString());
            field(line, channel.name());
            field(line, channel.group());
            field(line, channel.logo());
            field(line, channel.guideId());
            field(
                    line,
                    channel.guideSource() == null ? null : channel.guideSource().toString());
            field(line, Integer.toString(channel.archiveDays()));
            append(line.append('\n'));
        }

        public void flush() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("xtream lineup could not be written: " + e.getMessage(), e);
            }
        }

        private static void field(StringBuilder line, @Nullable String value) {
            line.append('\t');
            if (value != null) {
                line.append(value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
            }
        }

        private void append(CharSequence text) {
            try {
                out.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException("xtream lineup could not be written: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Pushes every channel of the file in order; returns false when the file does not exist. A line it cannot read
     * fails the read with the file's line number, since only this class writes the file.
     */
    public static boolean read(Path file, Consumer<XtreamChannel> sink) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int fields = fields(file, line);
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                sink.accept(parse(file, number, line, fields));
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new StorageException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The channel with that stream id; empty when there is none or the file does not exist. Only the line that starts
     * with the id is parsed, which makes a look-up in a 50,000-channel lineup a plain read of the file.
     */
    public static Optional<XtreamChannel> find(Path file, int streamId) {
        String prefix = streamId + "\t";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int fields = fields(file, line);
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.startsWith(prefix)) {
                    return Optional.of(parse(file, number, line, fields));
                }
            }
            return Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StorageException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** How many fields each line of this version has; throws when the first line is no lineup header. */
    private static int fields(Path file, @Nullable String header) {
        if (HEADER.equals(header)) {
            return 9;
        }
        if (HEADER_V2.equals(header)) {
            return 8;
        }
        if (HEADER_V1.equals(header)) {
            return 7;
        }
        throw malformed(file + ": not an xtream lineup (line 1: expected '" + HEADER + "')");
    }

    private static XtreamChannel parse(Path file, int number, String line, int fields) {
        String[] f = line.split("\t", -1);
        if (f.length != fields) {
            throw malformed(file + ": line " + number + " has " + f.length + " fields (expected: " + fields + ")");
        }
        try {
            return new XtreamChannel(
                    Integer.parseInt(f[0]),
                    ChannelId.parse(f[1]),
                    f[2].isEmpty() ? null : Integer.valueOf(f[2]),
                    f[3],
                    emptyToNull(f[4]),
                    emptyToNull(f[5]),
                    emptyToNull(f[6]),
                    fields < 8 || f[7].isEmpty() ? null : EpgSourceId.parse(f[7]),
                    fields < 9 || f[8].isEmpty() ? 0 : Integer.parseInt(f[8]));
        } catch (RuntimeException e) {
            throw new StorageException(file + ": line " + number + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static StorageException malformed(String message) {
        return new StorageException(message, new IOException(message));
    }

    private static @Nullable String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
