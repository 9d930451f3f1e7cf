package io.tvarr.bench.epg;

import io.tvarr.bench.PeakHeap;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.service.ExclusiveIngestions;
import io.tvarr.domain.ingestion.service.GuideIngestionService;
import io.tvarr.ingest.fetch.FetchSettings;
import io.tvarr.ingest.fetch.HttpSourceFetcher;
import io.tvarr.ingest.xmltv.XmltvEpgSourceHandler;
import io.tvarr.persistence.DatabaseSettings;
import io.tvarr.persistence.JdbiPersistence;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * End-to-end guide ingestion bench: writes a realistic XMLTV guide (10k channels, 1M programmes with ~200-char
 * descriptions, categories, icons and episode numbers) and ingests it into a fresh SQLite database.
 * Run: {@code java -Xmx192m -cp tvarr-bench/target/benchmarks.jar io.tvarr.bench.epg.EpgIngestBench [channels] [per-channel]}
 */
public final class EpgIngestBench {
    private static final DateTimeFormatter XMLTV =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z").withZone(ZoneOffset.UTC);
    private static final String DESCRIPTION =
            ("A gripping story of friendship, rivalry and the search for meaning in a "
                            + "small coastal town, where every character hides a secret and the tide brings more than driftwood. ")
                    .repeat(2)
                    .substring(0, 200);

    public static void main(String[] args) throws IOException {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int perChannel = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path work = Files.createTempDirectory("tvarr-bench-epg");
        Path guide = work.resolve("guide.xml");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(12));
        write(guide, channels, perChannel, start);
        System.out.printf(
                "EpgIngestBench: %d channels x %d programmes = %d, guide %d MiB, max heap %d MiB, java %s%n",
                channels,
                perChannel,
                (long) channels * perChannel,
                Files.size(guide) / (1024 * 1024),
                PeakHeap.maxMegabytes(),
                Runtime.version());
        // resources close in reverse: the store first, then its files go
        try (java.io.Closeable cleanup = () -> delete(work);
                JdbiPersistence store =
                        JdbiPersistence.open(DatabaseSettings.of("jdbc:sqlite:" + work.resolve("tvarr.db")))) {
            store.migrate();
            Instant now = Instant.now();
            EpgSource source = new EpgSource(
                    EpgSourceId.random(),
                    "bench",
                    EpgSourceKind.XMLTV,
                    guide.toUri(),
                    null,
                    null,
                    true,
                    null,
                    0,
                    ZoneOffset.UTC,
                    RetentionWindow.DEFAULT,
                    now,
                    now);
            store.epgSources().insert(source);
            HttpSourceFetcher fetcher = new HttpSourceFetcher(FetchSettings.defaults(List.of(work)));
            GuideIngestionService service = new GuideIngestionService(
                    store.epgSources(),
                    store.epg(),
                    List.of(new XmltvEpgSourceHandler(fetcher, EpgSourceKind.XMLTV)),
                    new ExclusiveIngestions(store.ingestionStatus(), Runnable::run, Clock.systemUTC()),
                    Clock.systemUTC());
            for (int round = 1; round <= 2; round++) {
                PeakHeap.reset();
                long began = System.nanoTime();
                IngestionStatus status = service.ingest(source.id());
                double seconds = (System.nanoTime() - began) / 1e9;
                System.out.printf(
                        "round %d: %d programmes stored in %.2f s = %.0f programmes/s, peak heap %d MiB%n",
                        round, status.lastCount(), seconds, status.lastCount() / seconds, PeakHeap.megabytes());
            }
        }
    }

    private static void write(Path file, int channels, int perChannel, Instant start) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE tv SYSTEM \"xmltv.dtd\">\n<tv>\n");
            for (int c = 0; c < channels; c++) {
                out.write("<channel id=\"ch" + c + ".example\"><display-name lang=\"en\">Channel " + c
                        + "</display-name><icon src=\"http://logos.example/" + c + ".png\"/></channel>\n");
            }
            for (int c = 0; c < channels; c++) {
                Instant at = start;
                for (int p = 0; p < perChannel; p++) {
                    Instant stop = at.plus(Duration.ofMinutes(p % 2 == 0 ? 150 : 210));
                    out.write("<programme start=\"" + XMLTV.format(at) + "\" stop=\"" + XMLTV.format(stop)
                            + "\" channel=\"ch" + c + ".example\"><title lang=\"en\">Show " + p
                            + "</title><sub-title>Episode " + p + "</sub-title><desc lang=\"en\">" + DESCRIPTION
                            + "</desc><category lang=\"en\">Drama</category><category lang=\"en\">Series</category>"
                            + "<icon src=\"http://img.example/" + c + "/" + p + ".jpg\"/>"
                            + "<episode-num system=\"xmltv_ns\">" + (p / 10) + "." + (p % 10) + ".0/1</episode-num>"
                            + "<episode-num system=\"onscreen\">S" + (p / 10 + 1) + "E" + (p % 10 + 1)
                            + "</episode-num>"
                            + (p % 5 == 0 ? "<new/>" : "") + "</programme>\n");
                    at = stop;
                }
            }
            out.write("</tv>\n");
        }
    }

    private static void delete(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
