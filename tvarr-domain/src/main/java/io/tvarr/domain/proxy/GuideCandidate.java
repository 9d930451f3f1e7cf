package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;

/**
 * A guide channel considered for an output channel.
 *
 * @param score similarity of the names, 0 (nothing alike) to 100 (the same)
 */
public record GuideCandidate(String guideChannelId, String name, int score) {
    public GuideCandidate {
        guideChannelId = Checks.requireText(guideChannelId, "guide_channel_id");
        Checks.requireNonNull(name, "name");
        Checks.requireRange(score, 0, 100, "score");
    }
}
