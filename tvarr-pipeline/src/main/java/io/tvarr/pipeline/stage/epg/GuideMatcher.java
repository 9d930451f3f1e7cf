package io.tvarr.pipeline.stage.epg;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.proxy.GuideCandidate;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.GuidePin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * Finds the guide channel for an output channel, in tiers (see {@link GuideMatchTier}): a pin; the tvg-id exactly;
 * the tvg-id ignoring case; the name (then the name an iptv-org tvg-id spells) normalised by {@link ChannelName}
 * against every display name; then the most similar display name by a score of shared words, each word weighted by
 * how rare it is among the guide's names, accepted at or above the proxy's threshold. Timeshifts must agree ("ITV
 * +1" never takes ITV's guide), as must call signs and numbers when both names have some. The first source in the
 * proxy's order wins ties.
 *
 * <p>Scoring looks only at the display names that share a word with the channel, rarest words first and at most
 * {@value #MAX_SCORED} of them, so matching 100,000 channels against 10,000 guide channels never compares every
 * pair.
 */
public final class GuideMatcher {
    static final int MAX_SCORED = 2000;
    /** Words that name no channel in particular; they count, but little, whatever the guide. */
    private static final Set<String> FILLER = Set.of(
            "the", "a", "an", "and", "of", "by", "on", "channel", "tv", "network", "live", "en", "el", "la", "le");

    private static final double FILLER_WEIGHT = 0.25;
    /** Listed, not a set: a language's place is its bit in {@link #languageBits}. */
    private static final List<String> LANGUAGES = List.of(
            "espanol",
            "spanish",
            "latino",
            "latina",
            "francais",
            "french",
            "deutsch",
            "german",
            "english",
            "arabic",
            "hindi",
            "portugues",
            "portuguese",
            "italiano",
            "italian",
            "nederlands",
            "turkce",
            "polski");

    /** The score of two names that share a call sign, however different the rest ("ABC 7 (WABC)", "WABC-DT"). */
    private static final int SHARED_CALL_SIGN = 90;

    private static final int CANDIDATES = 3;

    private static final Result NO_GUIDE = new Result(GuideMatchTier.UNMATCHED, null, 0, List.of());

    /** A match and how it was found; candidates only for an unmatched channel. */
    public record Result(
            GuideMatchTier tier, @Nullable EpgChannel channel, int score, List<GuideCandidate> candidates) {
        public Result {
            candidates = List.copyOf(candidates);
        }
    }

    private final int threshold;
    private final Map<ChannelId, GuidePin> pins;
    private final Set<ChannelId> usedPins = new HashSet<>();
    private final Map<ChannelId, String> brokenPins = new HashMap<>();
    private final Map<String, EpgChannel> exact = new HashMap<>();
    private final Map<String, EpgChannel> ignoringCase = new HashMap<>();
    private final Map<String, EpgChannel> byName = new HashMap<>();
    private final List<EpgChannel> channels = new ArrayList<>();
    /** One entry per display name: the channel (index into {@link #channels}) and its name's parts. */
    private final List<Entry> entries = new ArrayList<>();

    private final Map<String, List<Integer>> postings = new HashMap<>();
    /** Each word of the index numbered, so scoring compares ints rather than strings. */
    private final Map<String, Integer> wordIds = new HashMap<>();
    /** {@link #postings} as arrays, by word id, rebuilt by {@link #weigh()} when the guide has grown. */
    private int[][] postingArrays = new int[0][];

    private long namesScored;

    private final List<Integer> touched = new ArrayList<>();
    private int[] channelScores = new int[0];
    /** How many display names the guide had when their words were last weighed. */
    private int weighedAt = -1;

    /**
     * A display name in the word index: its channel (index into {@link #channels}), its parts, and what scoring
     * asks of it worked out once: its distinct words in the order {@link #score(ChannelName, ChannelName)} adds
     * them, their weights (filled in by {@link #weigh()}, as they change while the guide grows) and its languages.
     */
    private record Entry(
            int channel,
            ChannelName name,
            String text,
            String[] distinct,
            int[] words,
            double[] weights,
            int languages,
            boolean hasNumber) {
        static Entry of(int channel, ChannelName name, String text, ToIntFunction<String> wordId) {
            String[] distinct = new HashSet<>(name.tokens()).toArray(String[]::new);
            int[] words = Arrays.stream(distinct).mapToInt(wordId).toArray();
            return new Entry(
                    channel,
                    name,
                    text,
                    distinct,
                    words,
                    new double[distinct.length],
                    languageBits(name),
                    name.hasNumber());
        }
    }

    /** A channel's name prepared for scoring against many display names; see {@link Entry}. */
    private record Query(ChannelName name, int[] words, double[] weights, int languages, boolean hasNumber) {}

    /** Default threshold, no pins. */
    public GuideMatcher() {
        this(GuideMatchSettings.DEFAULT, List.of());
    }

    public GuideMatcher(GuideMatchSettings settings, List<GuidePin> pins) {
        this.threshold = settings.threshold();
        Map<ChannelId, GuidePin> byChannel = new LinkedHashMap<>();
        pins.forEach(pin -> byChannel.put(pin.channel(), pin));
        this.pins = byChannel;
    }

    /** Adds a guide channel; call in proxy source order so earlier sources win. */
    public void add(EpgChannel channel) {
        exact.putIfAbsent(channel.id(), channel);
        ignoringCase.putIfAbsent(channel.id().toLowerCase(Locale.ROOT), channel);
        int index = channels.size();
        channels.add(channel);
        Set<String> seen = new HashSet<>();
        for (LocalizedText displayName : channel.displayNames()) {
            ChannelName name = ChannelName.of(displayName.text());
            if (name.isEmpty() || !seen.add(name.compact())) {
                continue;
            }
            byName.putIfAbsent(name.compact(), channel);
            if (name.tokens().size() == 1 && ChannelName.isNumber(name.tokens().get(0))) {
                continue; // a bare channel number is no name to be similar to
            }
            int entry = entries.size();
            entries.add(Entry.of(
                    index, name, displayName.text(), word -> wordIds.computeIfAbsent(word, w -> wordIds.size())));
            for (String token : new HashSet<>(name.tokens())) {
                postings.computeIfAbsent(token, t -> new ArrayList<>()).add(entry);
            }
        }
    }

    /** Matches without a channel id to pin (tools, tests). */
    public Result match(@Nullable String tvgId, String name) {
        return match(null, tvgId, name);
    }

    public Result match(@Nullable ChannelId channel, @Nullable String tvgId, String name) {
        if (channels.isEmpty() && pins.isEmpty()) {
            // no guide: every tier would come out empty, and taking the name apart is most of a match's cost
            return NO_GUIDE;
        }
        GuidePin pin = channel == null ? null : pins.get(channel);
        if (pin != null) {
            EpgChannel pinned = exact.get(pin.guideChannelId());
            if (pinned != null) {
                usedPins.add(pin.channel());
                return found(GuideMatchTier.PINNED, pinned);
            }
            brokenPins.put(pin.channel(), "guide channel " + pin.guideChannelId() + " is not in the proxy's guides");
        }
        if (tvgId != null && !tvgId.isBlank()) {
            EpgChannel found = exact.get(tvgId);
            if (found != null) {
                return found(GuideMatchTier.EXACT_ID, found);
            }
            found = ignoringCase.get(tvgId.toLowerCase(Locale.ROOT));
            if (found != null) {
                return found(GuideMatchTier.ID_IGNORING_CASE, found);
            }
        }
        ChannelName parsed = ChannelName.of(name);
        EpgChannel byCompact = parsed.isEmpty() ? null : byName.get(parsed.compact());
        if (byCompact == null && tvgId != null) {
            String stem = ChannelName.idStem(tvgId);
            ChannelName fromId = stem == null ? null : ChannelName.of(stem);
            if (fromId != null && !fromId.isEmpty() && spells(fromId, parsed)) {
                byCompact = byName.get(fromId.compact());
            }
        }
        if (byCompact != null) {
            return found(GuideMatchTier.NAME, byCompact);
        }
        List<GuideCandidate> best = similar(parsed);
        if (!best.isEmpty() && best.get(0).score() >= threshold) {
            GuideCandidate top = best.get(0);
            return new Result(GuideMatchTier.SIMILAR, exact.get(top.guideChannelId()), top.score(), List.of());
        }
        return new Result(
                GuideMatchTier.UNMATCHED, null, best.isEmpty() ? 0 : best.get(0).score(), best);
    }

    /**
     * Whether a tvg-id's stem plausibly spells the channel's name: the same timeshift and first letter. Playlists
     * reuse ids of other channels ("DP World Tour" with the id "WorldPokerTour.us"), and then the name is right.
     */
    private static boolean spells(ChannelName fromId, ChannelName name) {
        return fromId.timeshift() == name.timeshift()
                && fromId.plus() == name.plus()
                && !name.isEmpty()
                && fromId.compact().charAt(0) == name.compact().charAt(0);
    }

    /**
     * Pins this matcher could not use, by channel, with why: their guide channel is not in the guides, or their
     * channel was never matched (it is no longer among the output channels). Complete once every channel is matched.
     */
    public Map<ChannelId, String> orphanedPins() {
        Map<ChannelId, String> orphaned = new LinkedHashMap<>();
        for (GuidePin pin : pins.values()) {
            if (!usedPins.contains(pin.channel())) {
                orphaned.put(
                        pin.channel(),
                        brokenPins.getOrDefault(pin.channel(), "channel is not among the proxy's output channels"));
            }
        }
        return Collections.unmodifiableMap(orphaned);
    }

    /** How many display names the similarity tier has compared so far (benchmarks, tests). */
    public long namesScored() {
        return namesScored;
    }

    private static Result found(GuideMatchTier tier, EpgChannel channel) {
        return new Result(tier, channel, 100, List.of());
    }

    /** The best three guide channels by score, best first, earlier sources first among equals. */
    private List<GuideCandidate> similar(ChannelName name) {
        if (name.isEmpty() || entries.isEmpty()) {
            return List.of();
        }
        weigh();
        Query query = prepare(name);
        int[] scores = channelScores();
        touched.clear();
        int visited = 0;
        for (String token : byRarity(name.tokens())) {
            Integer word = wordIds.get(token);
            if (word == null) {
                continue;
            }
            int[] list = postingArrays[word];
            if (visited > 0 && visited + list.length > MAX_SCORED) {
                break;
            }
            for (int i = 0; i < list.length && visited < MAX_SCORED; i++, visited++) {
                Entry entry = entries.get(list[i]);
                if (scores[entry.channel()] == 100) {
                    continue;
                }
                namesScored++;
                int score = score(query, entry);
                if (score > scores[entry.channel()]) {
                    if (scores[entry.channel()] == 0) {
                        touched.add(entry.channel());
                    }
                    scores[entry.channel()] = score;
                }
            }
        }
        List<GuideCandidate> best = new ArrayList<>();
        for (int channel : top(scores)) {
            EpgChannel found = channels.get(channel);
            best.add(new GuideCandidate(found.id(), found.primaryName(), scores[channel]));
        }
        for (int channel : touched) {
            scores[channel] = 0;
        }
        return best;
    }

    /** The best channels scored, by score then by source order: a pass per place, as there are only three. */
    private List<Integer> top(int[] scores) {
        List<Integer> top = new ArrayList<>(CANDIDATES);
        for (int place = 0; place < CANDIDATES; place++) {
            int best = -1;
            for (int channel : touched) {
                if (!top.contains(channel)
                        && (best < 0
                                || scores[channel] > scores[best]
                                || (scores[channel] == scores[best] && channel < best))) {
                    best = channel;
                }
            }
            if (best < 0) {
                break;
            }
            top.add(best);
        }
        return top;
    }

    /** Each channel's best score so far, zero for channels not scored; reset after every match. */
    private int[] channelScores() {
        if (channelScores.length < channels.size()) {
            channelScores = new int[channels.size()];
        }
        return channelScores;
    }

    /**
     * The channel's name with what scoring asks of it worked out once per match rather than once per display name
     * compared: its distinct words in the order {@link #score(ChannelName, ChannelName)} adds them, their weights
     * and its languages.
     */
    private Query prepare(ChannelName name) {
        List<String> distinct = new ArrayList<>(new HashSet<>(name.tokens()));
        double[] weights = new double[distinct.size()];
        int[] words = new int[distinct.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = weight(distinct.get(i));
            words[i] = wordIds.getOrDefault(distinct.get(i), -1);
        }
        return new Query(name, words, weights, languageBits(name), name.hasNumber());
    }

    private List<String> byRarity(List<String> tokens) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(tokens));
        distinct.sort((a, b) -> Integer.compare(frequency(a), frequency(b)));
        return distinct;
    }

    private int frequency(String token) {
        List<Integer> list = postings.get(token);
        return list == null ? 0 : list.size();
    }

    /**
     * {@link #score(ChannelName, ChannelName)} of a prepared channel name and a display name, the same sums in the
     * same order (so the same rounding), without building sets or weighing words again for every name compared.
     */
    private int score(Query query, Entry entry) {
        ChannelName a = query.name();
        ChannelName b = entry.name();
        if (a.timeshift() != b.timeshift() || a.plus() != b.plus() || query.languages() != entry.languages()) {
            return 0;
        }
        if (!a.callSigns().isEmpty()
                && !b.callSigns().isEmpty()
                && Collections.disjoint(a.callSigns(), b.callSigns())) {
            return 0;
        }
        if (query.hasNumber() && entry.hasNumber() && !shareNumber(a, b)) {
            return 0;
        }
        int[] right = entry.words();
        double[] rightWeights = entry.weights();
        double common = 0;
        double total = 0;
        for (int i = 0; i < query.weights().length; i++) {
            total += query.weights()[i];
            if (contains(right, query.words()[i])) {
                common += query.weights()[i];
            }
        }
        for (double weight : rightWeights) {
            total += weight;
        }
        if (total == 0) {
            return 0;
        }
        int score = (int) Math.round(100 * 2 * common / total);
        if (!a.callSigns().isEmpty() && !Collections.disjoint(a.callSigns(), b.callSigns())) {
            score = Math.max(score, SHARED_CALL_SIGN);
        }
        return score;
    }

    private static boolean contains(int[] words, int word) {
        for (int candidate : words) {
            if (candidate == word) {
                return true;
            }
        }
        return false;
    }

    /**
     * Weighs every display name's words again if the guide has grown since the last match: a weight depends on how
     * many names the guide has and how many of them use the word.
     */
    private void weigh() {
        if (weighedAt == entries.size()) {
            return;
        }
        Map<String, Double> weights = new HashMap<>();
        for (Entry entry : entries) {
            String[] words = entry.distinct();
            for (int i = 0; i < words.length; i++) {
                entry.weights()[i] = weights.computeIfAbsent(words[i], this::weight);
            }
        }
        postingArrays = new int[wordIds.size()][];
        postings.forEach((word, list) -> postingArrays[wordIds.get(word)] =
                list.stream().mapToInt(Integer::intValue).toArray());
        weighedAt = entries.size();
    }

    /** Which of {@link #LANGUAGES} a name names, one bit each, so comparing languages compares two ints. */
    private static int languageBits(ChannelName name) {
        int bits = 0;
        for (String token : name.tokens()) {
            int index = LANGUAGES.indexOf(token);
            if (index >= 0) {
                bits |= 1 << index;
            }
        }
        return bits;
    }

    /** The prepared score of a name against one display name of the index (tests hold it to the definition). */
    int preparedScore(ChannelName name, int entry) {
        weigh();
        return score(prepare(name), entries.get(entry));
    }

    /** The defined score of a name against one display name of the index. */
    int definedScore(ChannelName name, int entry) {
        return score(name, entries.get(entry).name());
    }

    /** How many display names the word index holds. */
    int indexedNames() {
        return entries.size();
    }

    /**
     * The definition of the score; matching uses {@link #score(Query, Entry)}, the same sums prepared ahead.
     * The share of the two names' weight in the words they have in common (a weighted Dice coefficient), 0-100;
     * 0 when the timeshifts differ, or both name call signs or numbers and none agree.
     */
    int score(ChannelName a, ChannelName b) {
        if (a.timeshift() != b.timeshift() || a.plus() != b.plus()) {
            return 0;
        }
        if (!languages(a).equals(languages(b))) {
            return 0;
        }
        if (!a.callSigns().isEmpty()
                && !b.callSigns().isEmpty()
                && Collections.disjoint(a.callSigns(), b.callSigns())) {
            return 0;
        }
        if (a.hasNumber() && b.hasNumber() && !shareNumber(a, b)) {
            return 0;
        }
        Set<String> left = new HashSet<>(a.tokens());
        Set<String> right = new HashSet<>(b.tokens());
        double common = 0;
        double total = 0;
        for (String token : left) {
            double weight = weight(token);
            total += weight;
            if (right.contains(token)) {
                common += weight;
            }
        }
        for (String token : right) {
            total += weight(token);
        }
        if (total == 0) {
            return 0;
        }
        int score = (int) Math.round(100 * 2 * common / total);
        if (!Collections.disjoint(a.callSigns(), b.callSigns())) {
            score = Math.max(score, SHARED_CALL_SIGN);
        }
        return score;
    }

    /** The languages a name names: "beIN Sports XTRA en Español" is not beIN Sports XTRA. */
    private static Set<String> languages(ChannelName name) {
        Set<String> found = new HashSet<>();
        for (String token : name.tokens()) {
            if (LANGUAGES.contains(token)) {
                found.add(token);
            }
        }
        return found;
    }

    private static boolean shareNumber(ChannelName a, ChannelName b) {
        for (String token : a.tokens()) {
            if (ChannelName.isNumber(token) && b.tokens().contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** Rare words say more about which channel a name is: inverse document frequency over the guide's names. */
    private double weight(String token) {
        if (FILLER.contains(token)) {
            return FILLER_WEIGHT;
        }
        int frequency = Math.max(1, frequency(token));
        return Math.log(1 + (double) entries.size() / frequency);
    }
}
