package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.ChannelId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How one output channel of a proxy was matched to the guide in its last generation.
 *
 * @param guide the guide channel chosen; null when {@code tier} is {@link GuideMatchTier#UNMATCHED}
 * @param score 100 for the id, name and pinned tiers; the similarity for {@link GuideMatchTier#SIMILAR}; the best
 *     candidate's for an unmatched channel (0 when there is none)
 * @param candidates for an unmatched channel, the best three guide channels with their scores, best first; empty
 *     for a matched one
 */
public record GuideMatch(
        ChannelId channel,
        String channelName,
        @Nullable String tvgId,
        GuideMatchTier tier,
        @Nullable GuideCandidate guide,
        int score,
        List<GuideCandidate> candidates) {
    public GuideMatch {
        Checks.requireNonNull(channel, "channel");
        Checks.requireNonNull(channelName, "channel_name");
        Checks.requireNonNull(tier, "tier");
        if ((tier == GuideMatchTier.UNMATCHED) != (guide == null)) {
            throw new IllegalArgumentException(
                    "guide: required exactly when the channel is matched (tier " + tier + ")");
        }
        Checks.requireRange(score, 0, 100, "score");
        candidates = List.copyOf(candidates);
    }

    public boolean matched() {
        return guide != null;
    }
}
