package io.tvarr.pipeline.stage.epg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.ingest.m3u.M3uEntry;
import io.tvarr.ingest.m3u.M3uLimits;
import io.tvarr.ingest.m3u.M3uListener;
import io.tvarr.ingest.m3u.M3uParser;
import io.tvarr.ingest.xmltv.XmltvListener;
import io.tvarr.ingest.xmltv.XmltvOptions;
import io.tvarr.ingest.xmltv.XmltvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Guide matching measured on real data: the i.mjh.nz guides of Pluto TV, Samsung TV Plus and Plex against the
 * iptv-org playlists of the same services, from the shared corpus ({@code ../shared/corpus}, skipped without it).
 * Prints the share of channels each tier matched and writes a sample of 50 matches to {@code
 * target/guide-match-sample.tsv}; every match in it must be one a person checked and found right, listed in {@code
 * guide-match-sample-checked.tsv} beside this test. Run it with {@code ./mvnw -pl tvarr-pipeline test
 * -Dtest=GuideMatchCorpusTest} (add {@code -Dtvarr.corpus=/path/to/corpus} from a git worktree).
 */
class GuideMatchCorpusTest {
    private static final int SAMPLE = 50;
    private static final Path CORPUS = corpus();
    private static final List<Pair> PAIRS = List.of(
            new Pair("xmltv/i.mjh.nz/PlutoTV/gb.xml.gz", "m3u/iptv-org-streams/uk_pluto.m3u"),
            new Pair("xmltv/i.mjh.nz/SamsungTVPlus/us.xml.gz", "m3u/iptv-org-streams/us_samsung.m3u"),
            new Pair("xmltv/i.mjh.nz/Plex/au.xml.gz", "m3u/iptv-org-streams/us_plex.m3u"));

    private record Pair(String guide, String playlist) {}

    private record Row(
            String playlist, String channel, GuideMatchTier tier, int score, String guideId, String guideName) {
        String line() {
            return String.join("\t", playlist, channel, guideId, guideName, tier.key(), Integer.toString(score));
        }

        String key() {
            return playlist + "\t" + channel + "\t" + guideId;
        }
    }

    /** The corpus beside the project (run from the root or the module), or where {@code -Dtvarr.corpus} says. */
    private static Path corpus() {
        String given = System.getProperty("tvarr.corpus");
        if (given != null) {
            return Path.of(given);
        }
        for (Path candidate : List.of(Path.of("../shared/corpus"), Path.of("../../shared/corpus"))) {
            if (Files.isDirectory(candidate.resolve("xmltv/i.mjh.nz"))) {
                return candidate;
            }
        }
        return Path.of("../shared/corpus");
    }

    @Test
    void matches_real_playlists_to_their_services_guides_with_no_wrong_match_in_a_checked_sample() throws IOException {
        assumeTrue(
                Files.isDirectory(CORPUS.resolve("xmltv/i.mjh.nz")),
                "the shared corpus is not at ../shared/corpus: nothing to measure");
        List<Row> matched = new ArrayList<>();
        Map<GuideMatchTier, Long> all = new EnumMap<>(GuideMatchTier.class);
        long channels = 0;
        for (Pair pair : PAIRS) {
            GuideMatcher matcher = new GuideMatcher();
            readGuide(CORPUS.resolve(pair.guide()), matcher::add);
            Map<GuideMatchTier, Long> tiers = new EnumMap<>(GuideMatchTier.class);
            List<M3uEntry> entries = readPlaylist(CORPUS.resolve(pair.playlist()));
            long started = System.nanoTime();
            for (M3uEntry entry : entries) {
                String name = entry.title() == null ? "" : entry.title();
                GuideMatcher.Result result = matcher.match(entry.attributes().get("tvg-id"), name);
                tiers.merge(result.tier(), 1L, Long::sum);
                if (result.channel() != null) {
                    matched.add(new Row(
                            Path.of(pair.playlist()).getFileName().toString(),
                            name,
                            result.tier(),
                            result.score(),
                            result.channel().id(),
                            result.channel().primaryName()));
                }
            }
            long micros = (System.nanoTime() - started) / 1000;
            System.out.printf(
                    Locale.ROOT,
                    "guide match %-14s vs %-22s channels=%d matched=%s %s scored_names=%d time_us=%d%n",
                    Path.of(pair.playlist()).getFileName(),
                    pair.guide().replace("xmltv/i.mjh.nz/", ""),
                    entries.size(),
                    share(entries.size() - tiers.getOrDefault(GuideMatchTier.UNMATCHED, 0L), entries.size()),
                    shares(tiers, entries.size()),
                    matcher.namesScored(),
                    micros);
            tiers.forEach((tier, count) -> all.merge(tier, count, Long::sum));
            channels += entries.size();
        }
        System.out.printf(
                Locale.ROOT,
                "guide match all three: channels=%d matched=%s %s%n",
                channels,
                share(channels - all.getOrDefault(GuideMatchTier.UNMATCHED, 0L), channels),
                shares(all, channels));

        List<Row> sample = sample(matched);
        Path written = Path.of("target/guide-match-sample.tsv");
        Files.createDirectories(written.getParent());
        Files.write(written, sample.stream().map(Row::line).toList(), StandardCharsets.UTF_8);
        Map<String, String> checked = checked();
        List<String> unchecked = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Row row : sample) {
            String verdict = checked.get(row.key());
            if (verdict == null) {
                unchecked.add(row.line());
            } else if (!verdict.equals("right")) {
                wrong.add(row.line() + " (" + verdict + ")");
            }
        }
        System.out.printf(
                Locale.ROOT,
                "guide match sample: %d matches written to %s, %d checked right, %d wrong, %d not checked yet%n",
                sample.size(),
                written,
                sample.size() - wrong.size() - unchecked.size(),
                wrong.size(),
                unchecked.size());
        assertThat(sample).hasSize(SAMPLE);
        assertThat(wrong).as("matches a person found wrong").isEmpty();
        assertThat(unchecked)
                .as("matches nobody checked yet: check them and add them to the checked file")
                .isEmpty();
    }

    /**
     * The riskiest matches first: every similar one, then the name matches whose names read differently, then
     * name matches spread evenly over the rest, up to {@value #SAMPLE}.
     */
    private static List<Row> sample(List<Row> matched) {
        List<Row> sample = new ArrayList<>();
        matched.stream().filter(r -> r.tier() == GuideMatchTier.SIMILAR).forEach(sample::add);
        matched.stream()
                .filter(r -> r.tier() != GuideMatchTier.SIMILAR)
                .filter(r -> !plain(r.channel()).equals(plain(r.guideName())))
                .limit(SAMPLE / 2)
                .forEach(sample::add);
        List<Row> rest = matched.stream().filter(r -> !sample.contains(r)).toList();
        int wanted = SAMPLE - sample.size();
        for (int i = 0; i < wanted && !rest.isEmpty(); i++) {
            sample.add(rest.get((int) ((long) i * rest.size() / wanted)));
        }
        return sample.subList(0, Math.min(SAMPLE, sample.size()));
    }

    private static String plain(String name) {
        return name.replaceAll("\\s*[\\[(][^\\])]*[\\])]", "").strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> checked() throws IOException {
        Map<String, String> verdicts = new HashMap<>();
        try (InputStream in = GuideMatchCorpusTest.class.getResourceAsStream("guide-match-sample-checked.tsv")) {
            if (in == null) {
                return verdicts;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                verdicts.put(fields[0] + "\t" + fields[1] + "\t" + fields[2], fields[fields.length - 1].strip());
            }
        }
        return verdicts;
    }

    private static void readGuide(Path file, java.util.function.Consumer<EpgChannel> sink) throws IOException {
        EpgSourceId source =
                new EpgSourceId(UUID.nameUUIDFromBytes(file.toString().getBytes(StandardCharsets.UTF_8)));
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            new XmltvParser().parse(in, new XmltvOptions(source, ZoneOffset.UTC, 0), new XmltvListener() {
                @Override
                public void channel(EpgChannel channel) {
                    sink.accept(channel);
                }

                @Override
                public void programme(EpgProgramme programme) {}

                @Override
                public void malformed(int line, int column, String reason) {}
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<M3uEntry> readPlaylist(Path file) throws IOException {
        List<M3uEntry> entries = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            new M3uParser(M3uLimits.DEFAULT).parse(in, new M3uListener() {
                @Override
                public void entry(M3uEntry entry) {
                    entries.add(entry);
                }

                @Override
                public void malformed(int line, String reason) {}
            });
        }
        return entries;
    }

    private static String share(long count, long total) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", count, total == 0 ? 0.0 : 100.0 * count / total);
    }

    private static String shares(Map<GuideMatchTier, Long> tiers, long total) {
        StringBuilder text = new StringBuilder();
        for (GuideMatchTier tier : GuideMatchTier.values()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(tier.key()).append('=').append(share(tiers.getOrDefault(tier, 0L), total));
        }
        return text.toString();
    }
}
