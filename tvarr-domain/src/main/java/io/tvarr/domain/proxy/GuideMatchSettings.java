package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;

/**
 * How a proxy matches its channels to its guides.
 *
 * @param threshold the lowest similarity score (0-100) the similarity tier accepts; 100 switches the tier off
 */
public record GuideMatchSettings(int threshold) {
    /**
     * Chosen on real playlists and guides (GuideMatchCorpusTest): below 90 the tier starts to take a sibling
     * channel ("Vevo Retro Rock" for "Vevo Rock" at 74, "K Food" for "K-Food &amp; Travel" at 87).
     */
    public static final GuideMatchSettings DEFAULT = new GuideMatchSettings(90);

    public GuideMatchSettings {
        Checks.requireRange(threshold, 1, 100, "threshold");
    }
}
