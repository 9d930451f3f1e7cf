package io.tvarr.domain.proxy;

/**
 * How an output channel found its guide channel, strongest first. Matching tries the tiers in this order and stops
 * at the first that finds one, so the tier also says how much to trust the match.
 */
public enum GuideMatchTier {
    /** A person pinned this guide channel to the channel; always wins. */
    PINNED,
    /** The channel's tvg-id is the guide channel's id. */
    EXACT_ID,
    /** The tvg-id equals the guide channel's id ignoring case. */
    ID_IGNORING_CASE,
    /** The normalised channel name (or tvg-id stem) equals one of the guide channel's normalised display names. */
    NAME,
    /** The names are alike enough by a token-based score at or above the proxy's threshold. */
    SIMILAR,
    /** No guide channel matched. */
    UNMATCHED;

    /** The name used in reports and the API: {@code exact_id}, {@code similar}… */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
