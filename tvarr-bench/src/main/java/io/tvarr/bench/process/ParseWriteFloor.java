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
import io.tvarr.pipeline.output.M3uPlaylistWriter;
import io.tvarr.pipeline.output.PlaylistEntry;
import io.tvarr.pipeline.output.Utf8TextWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A lower bound for any {@code tvarr generate --playlist} built from tvarr's own parts (#19 goal 1): a JVM that starts,
 * reads the playlist through the M3U source handler (parse, clean, key, id) and writes each channel straight away
 * through the playlist writer, storing nothing, with no stage between. {@link WholeProcessBench} runs it with the
 * launcher's compiler and heap flags for {@code generate}, so the gap to {@code generate} is what storing, reading back
 * and the stages cost, and the gap to m3u-parser-generator is what the parts themselves cost.
 *
 * <p>Run: {@code java -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.process.ParseWriteFloor <playlist> <out>}.
 */
public final class ParseWriteFloor {
    private ParseWriteFloor() {}

    public static void main(String[] args) throws IOException {
        Path playlist = Path.of(args[0]).toAbsolutePath();
        Instant now = Instant.now();
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
                now,
                now);
        M3uChannelSourceHandler handler = new M3uChannelSourceHandler(
                new HttpSourceFetcher(FetchSettings.defaults(List.of(playlist.getParent()))), M3uLimits.DEFAULT);
        long[] written = {0};
        try (OutputStream file = Files.newOutputStream(Path.of(args[1]));
                Writer out = new Utf8TextWriter(file, 64 * 1024)) {
            M3uPlaylistWriter writer = new M3uPlaylistWriter(out, null);
            handler.ingest(
                    source,
                    channel -> {
                        writer.write(entry(channel));
                        written[0]++;
                    },
                    new IngestionProgress());
        }
        System.out.println(written[0] + " channels");
    }

    private static PlaylistEntry entry(Channel channel) {
        return new PlaylistEntry(
                channel.tvgId(),
                channel.tvgName(),
                channel.logoUrl(),
                channel.tvgChno(),
                channel.group(),
                channel.name(),
                channel.streamUrl(),
                channel.attributes(),
                Map.of());
    }
}
