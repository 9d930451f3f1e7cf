package io.tvarr.pipeline.stage.epg;

import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.proxy.GuideCandidate;
import io.tvarr.domain.proxy.GuideMatchTier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Guide matching at scale (#15): a guide of synthetic but realistic channel names (words from a vocabulary with a
 * few very common ones, numbers, call signs, language words) and a playlist whose names are mostly unmatched
 * (random words of the same vocabulary, so they share words with many guide names) beside some that are the guide's
 * names dressed up the way playlists dress them (country prefixes, HD tags, "+1" timeshifts, reordered words).
 * Prints the time to match every channel beside the floor measured in the same run: matching the guide's own names,
 * which only normalises each name and looks it up. The digest of every result (tier, channel, score, candidates)
 * shows a change to the matcher left every match as it was.
 *
 * <p>It lives beside the matcher's tests, not in tvarr-bench, whose benches may only build on the {@code Tvarr}
 * core (ArchitectureTest), and the core has no call that matches names alone; it is no test (surefire runs only
 * {@code *Test}, {@code *IT}). Run, after {@code ./mvnw -q -B package -DskipTests -pl tvarr-bench -am}:
 * {@code java -Xmx512m -cp tvarr-pipeline/target/test-classes:tvarr-bench/target/benchmarks.jar
 * io.tvarr.pipeline.stage.epg.GuideMatchBench [channels] [guideChannels] [rounds]}
 */
public final class GuideMatchBench {
    private static final List<String> COMMON =
            List.of("sports", "news", "movies", "kids", "music", "tv", "channel", "plus", "extra", "one", "live");
    private static final List<String> PREFIXES = List.of("", "", "US: ", "UK| ", "CA - ", "DE: ", "FR| ");
    private static final List<String> TAGS = List.of("", "", " HD", " FHD", " 4K", " SD", " (UK)", " [Backup]");
    private static final List<String> LANGUAGES = List.of("Espanol", "French", "Deutsch", "Arabic");
    private static final String[] SYLLABLES = {
        "ka", "lo", "mi", "ren", "tor", "vis", "zen", "bra", "qu", "sel", "dan", "fi", "gor", "hal", "jun", "mex",
        "nor", "pal", "ris", "tam", "ul", "vor", "wen", "xi", "yor", "zul", "bel", "cor", "dro", "el"
    };

    private final SplittableRandom random;
    private final List<String> vocabulary = new ArrayList<>();

    private GuideMatchBench(long seed, int words) {
        this.random = new SplittableRandom(seed);
        for (int i = 0; i < words; i++) {
            StringBuilder word = new StringBuilder();
            int syllables = 2 + random.nextInt(2);
            for (int s = 0; s < syllables; s++) {
                word.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
            }
            word.setCharAt(0, Character.toUpperCase(word.charAt(0)));
            vocabulary.add(word.toString());
        }
    }

    public static void main(String[] args) throws NoSuchAlgorithmException {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int guideChannels = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        GuideMatchBench names = new GuideMatchBench(15, 4_000);
        EpgSourceId source = new EpgSourceId(new UUID(0, 15));
        List<EpgChannel> guide = new ArrayList<>(guideChannels);
        for (int i = 0; i < guideChannels; i++) {
            guide.add(new EpgChannel(
                    source, "ch" + i + ".bench", List.of(new LocalizedText(names.guideName(), null)), null, null));
        }
        List<String> playlist = new ArrayList<>(channels);
        for (int i = 0; i < channels; i++) {
            playlist.add(
                    names.random.nextInt(10) == 0
                            ? names.dressed(guide.get(names.random.nextInt(guideChannels))
                                    .primaryName())
                            : names.unmatchedName());
        }
        List<String> floorNames = new ArrayList<>(channels);
        for (int i = 0; i < channels; i++) {
            floorNames.add(guide.get(i % guideChannels).primaryName());
        }
        System.out.printf(
                "GuideMatchBench: %d channels vs %d guide channels, java %s, %d cores%n",
                channels, guideChannels, Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int round = 1; round <= rounds; round++) {
            GuideMatcher floorMatcher = new GuideMatcher();
            guide.forEach(floorMatcher::add);
            long floorStart = System.nanoTime();
            long named = 0;
            for (String name : floorNames) {
                if (floorMatcher.match(null, name).tier() != GuideMatchTier.UNMATCHED) {
                    named++;
                }
            }
            long floorNanos = System.nanoTime() - floorStart;

            GuideMatcher matcher = new GuideMatcher();
            long indexStart = System.nanoTime();
            guide.forEach(matcher::add);
            long indexNanos = System.nanoTime() - indexStart;
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Map<GuideMatchTier, Integer> tiers = new EnumMap<>(GuideMatchTier.class);
            long start = System.nanoTime();
            for (String name : playlist) {
                GuideMatcher.Result result = matcher.match(null, name);
                tiers.merge(result.tier(), 1, Integer::sum);
                digest.update(describe(result).getBytes(StandardCharsets.UTF_8));
            }
            long nanos = System.nanoTime() - start;
            System.out.printf(
                    "round %d: match %.2f s (%.1f us/channel, index %.0f ms, %d names scored)"
                            + " | floor, name tier only: %.2f s (%.1f us/channel, %d/%d by name) | %.1fx the floor%n",
                    round,
                    nanos / 1e9,
                    nanos / 1e3 / channels,
                    indexNanos / 1e6,
                    matcher.namesScored(),
                    floorNanos / 1e9,
                    floorNanos / 1e3 / channels,
                    named,
                    channels,
                    (double) nanos / floorNanos);
            System.out.printf(
                    "  tiers %s, results digest %s%n",
                    tiers, HexFormat.of().formatHex(digest.digest()).substring(0, 16));
        }
    }

    private static String describe(GuideMatcher.Result result) {
        StringBuilder line = new StringBuilder()
                .append(result.tier())
                .append('\t')
                .append(result.channel() == null ? "" : result.channel().id())
                .append('\t')
                .append(result.score());
        for (GuideCandidate candidate : result.candidates()) {
            line.append('\t').append(candidate.guideChannelId()).append(':').append(candidate.score());
        }
        return line.append('\n').toString();
    }

    /** One to three words, a common one now and then, sometimes a number, a call sign or a language. */
    private String guideName() {
        StringBuilder name = new StringBuilder(word());
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            name.append(' ').append(random.nextInt(3) == 0 ? common() : word());
        }
        switch (random.nextInt(20)) {
            case 0 -> name.append(' ').append(1 + random.nextInt(12));
            case 1 -> name.append(" (W").append(letters(3)).append(')');
            case 2 -> name.append(' ').append(LANGUAGES.get(random.nextInt(LANGUAGES.size())));
            case 3 -> name.append(" +1");
            default -> {}
        }
        return name.toString();
    }

    /** A playlist's name for a guide channel: prefix, tag, sometimes a timeshift or the words in another order. */
    private String dressed(String guideName) {
        String name = guideName;
        if (random.nextInt(4) == 0) {
            String[] words = name.split(" ");
            if (words.length > 1) {
                String first = words[0];
                words[0] = words[words.length - 1];
                words[words.length - 1] = first;
                name = String.join(" ", words);
            }
        }
        if (random.nextInt(8) == 0) {
            name = name + " +1";
        }
        return PREFIXES.get(random.nextInt(PREFIXES.size())) + name + TAGS.get(random.nextInt(TAGS.size()));
    }

    /** Random words of the guide's vocabulary: shares words with many guide names, matches none well. */
    private String unmatchedName() {
        StringBuilder name = new StringBuilder(PREFIXES.get(random.nextInt(PREFIXES.size())));
        name.append(word()).append(' ').append(common());
        if (random.nextBoolean()) {
            name.append(' ').append(word());
        }
        if (random.nextInt(10) == 0) {
            name.append(' ').append(1 + random.nextInt(30));
        }
        if (random.nextInt(15) == 0) {
            name.append(" +1");
        }
        return name.append(TAGS.get(random.nextInt(TAGS.size()))).toString();
    }

    private String word() {
        return vocabulary.get(random.nextInt(vocabulary.size()));
    }

    private String common() {
        String word = COMMON.get(random.nextInt(COMMON.size()));
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private String letters(int count) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < count; i++) {
            letters.append((char) ('A' + random.nextInt(26)));
        }
        return letters.toString();
    }
}
