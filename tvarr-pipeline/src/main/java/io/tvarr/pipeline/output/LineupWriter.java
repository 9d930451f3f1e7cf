package io.tvarr.pipeline.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * Writes a proxy's lineup, the channels of its playlist in the same order, as tab-separated lines beside the
 * playlist: tuner devices list it without parsing the M3U. Tabs and line breaks in values become spaces, an absent
 * value is an empty field. Does not close the writer it is given. Not thread-safe.
 */
public final class LineupWriter {
    /** The first line; {@link LineupReader} refuses files without it, so a format change cannot be misread. */
    static final String HEADER = "#tvarr-lineup 1\tnumber\tchannel\ttvg-id\tgroup\tname";

    private final Writer out;

    public LineupWriter(Writer out) {
        this.out = out;
        write(HEADER + "\n");
    }

    public void write(LineupRow row) {
        StringBuilder line = new StringBuilder(128)
                .append(field(row.number()))
                .append('\t')
                .append(field(row.channel()))
                .append('\t')
                .append(field(row.guideId()))
                .append('\t')
                .append(field(row.group()))
                .append('\t')
                .append(field(row.name()))
                .append('\n');
        write(line);
    }

    private static String field(@Nullable String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }

    private void write(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException("lineup could not be written: " + e.getMessage(), e);
        }
    }
}
