package io.tvarr.pipeline.stage.epg;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.proxy.GuideCandidate;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.domain.proxy.GuidePin;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
    private static final Set<String> LANGUAGES = Set.of(
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
    private long namesScored;

    private record Entry(int channel, ChannelName name, String text) {}

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
            entries.add(new Entry(index, name, displayName.text()));
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
        Map<Integer, Integer> scores = new HashMap<>();
        int visited = 0;
        for (String token : byRarity(name.tokens())) {
            List<Integer> list = postings.get(token);
            if (list == null) {
                continue;
            }
            if (visited > 0 && visited + list.size() > MAX_SCORED) {
                break;
            }
            for (int i = 0; i < list.size() && visited < MAX_SCORED; i++, visited++) {
                Entry entry = entries.get(list.get(i));
                if (scores.containsKey(entry.channel()) && scores.get(entry.channel()) == 100) {
                    continue;
                }
                namesScored++;
                int score = score(name, entry.name());
                if (score > 0) {
                    scores.merge(entry.channel(), score, Math::max);
                }
            }
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>(scores.entrySet());
        ranked.sort(
                Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<GuideCandidate> best = new ArrayList<>();
        for (int i = 0; i < Math.min(CANDIDATES, ranked.size()); i++) {
            EpgChannel channel = channels.get(ranked.get(i).getKey());
            best.add(new GuideCandidate(
                    channel.id(), channel.primaryName(), ranked.get(i).getValue()));
        }
        return best;
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
