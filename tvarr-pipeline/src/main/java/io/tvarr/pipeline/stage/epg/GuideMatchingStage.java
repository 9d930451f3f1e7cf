package io.tvarr.pipeline.stage.epg;

import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds each output channel's guide channel and makes the playlist's tvg-id the guide's channel id, so players
 * join the two; the guide channel also carries the channel's published number, so tuner clients join it to the
 * lineup. Must be the last stage: it numbers unnumbered channels by position as the lineup does. Channels without a match keep their tvg-id and are counted (the first 200 named) for the report.
 */
public final class GuideMatchingStage implements Stage<ProxyChannel> {
    private static final int LISTED_UNMATCHED = 200;

    private final GuideMatcher matcher;
    private final GuideSelection selection;
    private final List<String> unmatched = new ArrayList<>();
    private long unmatchedCount;
    private long position;

    public GuideMatchingStage(GuideMatcher matcher, GuideSelection selection) {
        this.matcher = matcher;
        this.selection = selection;
    }

    @Override
    public String name() {
        return "epg_matching";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        // the last stage, keeping every channel: its count is the playlist position the lineup numbers by
        position++;
        Optional<EpgChannel> guide =
                matcher.match(item.channel().tvgId(), item.channel().name());
        if (guide.isEmpty()) {
            unmatchedCount++;
            if (unmatched.size() < LISTED_UNMATCHED) {
                unmatched.add(item.channel().name());
            }
            return StageOutcome.kept(item.withGuideId(item.channel().tvgId()));
        }
        String number =
                item.number() == null ? Long.toString(position) : item.number().toString();
        String id = selection.select(
                guide.get(),
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
        return unmatchedCount;
    }
}
