package io.tvarr.pipeline.output;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.channel.ChannelId;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code merged.tsv}, published beside a proxy's playlist: per output channel that others were merged into, its id
 * then theirs in failover order, tab-separated, one line each. Channel ids carry no tab or newline.
 */
public final class MergedChannelsFile {
    public static final String NAME = "merged.tsv";

    private MergedChannelsFile() {}

    /** Writes one line; the caller owns {@code out}. */
    public static void writeLine(Writer out, ChannelId primary, List<ChannelId> merged) {
        try {
            out.write(primary.toString());
            for (ChannelId id : merged) {
                out.write('\t');
                out.write(id.toString());
            }
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("merged channels could not be written: " + e.getMessage(), e);
        }
    }

    /** A UTF-8 writer over {@code out}; flush it, the caller closes {@code out}. */
    public static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** The channels merged into {@code primary}, reading the file a line at a time; empty when none or no file. */
    public static List<ChannelId> mergedInto(Path file, ChannelId primary) {
        String prefix = primary + "\t";
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    List<ChannelId> merged = new ArrayList<>();
                    for (String id : line.substring(prefix.length()).split("\t")) {
                        merged.add(ChannelId.parse(id));
                    }
                    return merged;
                }
            }
            return List.of();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | RuntimeException e) {
            throw new StorageException(file + ": merged channels could not be read (" + e.getMessage() + ")", e);
        }
    }
}
