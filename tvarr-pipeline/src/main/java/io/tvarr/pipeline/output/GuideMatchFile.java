package io.tvarr.pipeline.output;

import io.tvarr.domain.StorageException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.GuideCandidate;
import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.GuideMatchTier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The guide matches of a generation, one tab-separated line per output channel in playlist order, published beside
 * the playlist so the matches can be explained page by page without holding them in memory or matching again. A
 * match line holds the channel, its name and tvg-id, the tier, the score, the guide channel chosen and up to three
 * candidates (id, name, score each). Tabs and line breaks in values become spaces; an absent value is empty.
 */
public final class GuideMatchFile {
    public static final String NAME = "guide-matches.tsv";
    static final String HEADER = "#tvarr-guide-matches 1\tchannel\tname\ttvg-id\ttier\tscore\tguide-id\tguide-name"
            + "\tcandidate-1-id\tcandidate-1-name\tcandidate-1-score\tcandidate-2-id\tcandidate-2-name"
            + "\tcandidate-2-score\tcandidate-3-id\tcandidate-3-name\tcandidate-3-score";
    private static final int FIELDS = 16;
    private static final int CANDIDATES = 3;

    private GuideMatchFile() {}

    /** Writes match lines to a writer it does not close. Not thread-safe. */
    public static final class LineWriter implements Consumer<GuideMatch> {
        private final Writer out;

        public LineWriter(Writer out) {
            this.out = out;
            write(HEADER + "\n");
        }

        @Override
        public void accept(GuideMatch match) {
            StringBuilder line = new StringBuilder(160)
                    .append(match.channel())
                    .append('\t')
                    .append(field(match.channelName()))
                    .append('\t')
                    .append(field(match.tvgId()))
                    .append('\t')
                    .append(match.tier().key())
                    .append('\t')
                    .append(match.score());
            GuideCandidate guide = match.guide();
            line.append('\t').append(guide == null ? "" : field(guide.guideChannelId()));
            line.append('\t').append(guide == null ? "" : field(guide.name()));
            for (int i = 0; i < CANDIDATES; i++) {
                GuideCandidate candidate =
                        i < match.candidates().size() ? match.candidates().get(i) : null;
                line.append('\t').append(candidate == null ? "" : field(candidate.guideChannelId()));
                line.append('\t').append(candidate == null ? "" : field(candidate.name()));
                line.append('\t').append(candidate == null ? "" : Integer.toString(candidate.score()));
            }
            write(line.append('\n'));
        }

        private void write(CharSequence text) {
            try {
                out.append(text);
            } catch (IOException e) {
                throw new UncheckedIOException("guide matches could not be written: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Reads the matches {@code selected} accepts, skipping the first {@code offset} of them and pushing at most
     * {@code limit} to the sink.
     *
     * @param name the file, for error messages
     * @return how many matches {@code selected} accepts in the whole file
     * @throws StorageException when the file is not a guide match file or a line is malformed
     */
    public static long read(
            BufferedReader in,
            String name,
            Predicate<GuideMatchTier> selected,
            long offset,
            int limit,
            Consumer<GuideMatch> sink) {
        try {
            String header = in.readLine();
            if (!HEADER.equals(header)) {
                throw new StorageException(name + " line 1: not a tvarr guide match file (expected: " + HEADER + ")");
            }
            long total = 0;
            int number = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String[] fields = line.split("\t", -1);
                if (fields.length != FIELDS) {
                    throw new StorageException(
                            name + " line " + number + ": " + fields.length + " fields (expected: " + FIELDS + ")");
                }
                GuideMatchTier tier = tier(fields[3], name, number);
                if (!selected.test(tier)) {
                    continue;
                }
                if (total >= offset && total < offset + limit) {
                    sink.accept(match(fields, tier, name, number));
                }
                total++;
            }
            return total;
        } catch (IOException e) {
            throw new StorageException(name + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    /** The channel ids of the matches of one tier, in file order. */
    public static void forEachChannel(BufferedReader in, String name, GuideMatchTier tier, Consumer<String> sink) {
        read(
                in,
                name,
                tier::equals,
                0,
                Integer.MAX_VALUE,
                match -> sink.accept(match.channel().toString()));
    }

    private static GuideMatch match(String[] fields, GuideMatchTier tier, String name, int number) {
        try {
            int score = Integer.parseInt(fields[4]);
            GuideCandidate guide = fields[5].isEmpty() ? null : new GuideCandidate(fields[5], fields[6], score);
            List<GuideCandidate> candidates = new ArrayList<>();
            for (int i = 0; i < CANDIDATES; i++) {
                int at = 7 + 3 * i;
                if (!fields[at].isEmpty()) {
                    candidates.add(new GuideCandidate(fields[at], fields[at + 1], Integer.parseInt(fields[at + 2])));
                }
            }
            return new GuideMatch(
                    ChannelId.parse(fields[0]),
                    fields[1],
                    fields[2].isEmpty() ? null : fields[2],
                    tier,
                    guide,
                    score,
                    candidates);
        } catch (RuntimeException e) {
            throw new StorageException(name + " line " + number + ": " + e.getMessage(), e);
        }
    }

    private static GuideMatchTier tier(String key, String name, int number) {
        for (GuideMatchTier tier : GuideMatchTier.values()) {
            if (tier.key().equals(key)) {
                return tier;
            }
        }
        throw new StorageException(name + " line " + number + ": tier '" + key + "' (expected: a guide match tier)");
    }

    private static String field(@Nullable String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
