package io.tvarr.pipeline.stage.epg;

import io.tvarr.domain.proxy.GuideCandidate;
import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.GuideMatchTier;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Finds each output channel's guide channel and makes the playlist's tvg-id the guide's channel id, so players
 * join the two; the guide channel also carries the channel's published number, so tuner clients join it to the
 * lineup. Must be the last stage: it numbers unnumbered channels by position as the lineup does. Channels without a
 * match keep their tvg-id and are counted (the first 200 named) for the report. Every match, with its tier, goes to
 * {@code matches} as it is made, so the explanation of 100,000 matches is never held in memory.
 */
public final class GuideMatchingStage implements Stage<ProxyChannel> {
    private static final int LISTED_UNMATCHED = 200;

    private final GuideMatcher matcher;
    private final GuideSelection selection;
    private final Consumer<GuideMatch> matches;
    private final List<String> unmatched = new ArrayList<>();
    private final Map<GuideMatchTier, Long> tiers = new EnumMap<>(GuideMatchTier.class);
    private long position;

    public GuideMatchingStage(GuideMatcher matcher, GuideSelection selection) {
        this(matcher, selection, match -> {});
    }

    public GuideMatchingStage(GuideMatcher matcher, GuideSelection selection, Consumer<GuideMatch> matches) {
        this.matcher = matcher;
        this.selection = selection;
        this.matches = matches;
    }

    @Override
    public String name() {
        return "epg_matching";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        // the last stage, keeping every channel: its count is the playlist position the lineup numbers by
        position++;
        GuideMatcher.Result result = matcher.match(
                item.channel().id(), item.channel().tvgId(), item.channel().name());
        tiers.merge(result.tier(), 1L, Long::sum);
        if (result.channel() == null) {
            if (unmatched.size() < LISTED_UNMATCHED) {
                unmatched.add(item.channel().name());
            }
            matches.accept(new GuideMatch(
                    item.channel().id(),
                    item.channel().name(),
                    item.channel().tvgId(),
                    result.tier(),
                    null,
                    result.score(),
                    result.candidates()));
            return StageOutcome.kept(item.withGuideId(item.channel().tvgId()));
        }
        matches.accept(new GuideMatch(
                item.channel().id(),
                item.channel().name(),
                item.channel().tvgId(),
                result.tier(),
                new GuideCandidate(result.channel().id(), result.channel().primaryName(), result.score()),
                result.score(),
                List.of()));
        String number =
                item.number() == null ? Long.toString(position) : item.number().toString();
        String id = selection.select(
                result.channel(),
                item.channel().name(),
                number,
                item.logo(),
                item.channel().group());
        return StageOutcome.kept(item.withGuideId(id));
    }

    public List<String> unmatched() {
        return List.copyOf(unmatched);
    }

    public long unmatchedCount() {
        return tiers.getOrDefault(GuideMatchTier.UNMATCHED, 0L);
    }

    /** Channels matched per tier, by {@link GuideMatchTier#key()}, every tier present. */
    public Map<String, Long> tiers() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (GuideMatchTier tier : GuideMatchTier.values()) {
            counts.put(tier.key(), tiers.getOrDefault(tier, 0L));
        }
        return counts;
    }

    /** Pins the matching could not use, by channel id, with why. */
    public Map<String, String> orphanedPins() {
        Map<String, String> orphaned = new LinkedHashMap<>();
        matcher.orphanedPins().forEach((channel, reason) -> orphaned.put(channel.toString(), reason));
        return orphaned;
    }
}
