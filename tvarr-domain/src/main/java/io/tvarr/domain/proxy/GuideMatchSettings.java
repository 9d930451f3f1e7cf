package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;

/**
 * How a proxy matches its channels to its guides.
 *
 * @param threshold the lowest similarity score (0-100) the similarity tier accepts; 100 switches the tier off
 */
public record GuideMatchSettings(int threshold) {
    /** Chosen on real playlists and guides (see the README's guide matching section): no wrong match at 80. */
    public static final GuideMatchSettings DEFAULT = new GuideMatchSettings(80);

    public GuideMatchSettings {
        Checks.requireRange(threshold, 1, 100, "threshold");
    }
}
