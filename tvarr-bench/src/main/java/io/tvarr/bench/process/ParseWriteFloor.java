package io.tvarr.bench.process;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.m3u.M3uChannelSourceHandler;
import io.tvarr.ingest.m3u.M3uLimits;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A lower bound for any {@code tvarr generate --playlist} built on tvarr's M3U source handler (#19 goal 1): a JVM that
 * starts, reads the playlist through the handler (parse, clean, key, id) and writes each channel straight away as a
 * plain {@code #EXTINF} entry (name, group, guide id, URL: less than tvarr's playlist writer checks, which a bench may
 * not wire alone), storing nothing, with no stage between. {@link WholeProcessBench} runs it with the launcher's
 * compiler and heap flags for {@code generate}, so the gap to {@code generate} is what storing, reading back, the
 * stages and the full writer cost, and the gap to m3u-parser-generator is what the handler itself costs.
 *
 * <p>Run: {@code java -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.process.ParseWriteFloor <playlist> <out>}.
 */
public final class ParseWriteFloor {
    private ParseWriteFloor() {}

    public static void main(String[] args) throws IOException {
        Path playlist = Path.of(args[0]).toAbsolutePath();
        Instant created = Instant.EPOCH; // never read: the handler needs a source, not its dates
        StreamSource source = new StreamSource(
                SourceId.random(),
                "floor",
                SourceKind.M3U,
                playlist.toUri(),
                null,
                null,
                true,
                null,
                0,
                XtreamOutput.TS,
                false,
                false,
                created,
                created);
        M3uChannelSourceHandler handler = new M3uChannelSourceHandler(
                new HttpSourceFetcher(FetchSettings.defaults(List.of(playlist.getParent()))), M3uLimits.DEFAULT);
        long[] written = {0};
        try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            out.write("#EXTM3U\n");
            handler.ingest(
                    source,
                    channel -> {
                        write(out, channel);
                        written[0]++;
                    },
                    new IngestionProgress());
        }
        System.out.println(written[0] + " channels");
    }

    private static void write(BufferedWriter out, Channel channel) {
        try {
            out.write("#EXTINF:-1 tvg-id=\"");
            out.write(channel.tvgId() == null ? "" : channel.tvgId());
            out.write("\" group-title=\"");
            out.write(channel.group() == null ? "" : channel.group());
            out.write("\",");
            out.write(channel.name());
            out.write('\n');
            out.write(channel.streamUrl());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
