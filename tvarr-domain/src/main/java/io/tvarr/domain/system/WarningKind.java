package io.tvarr.domain.system;

/** What a {@link Warning} is about. */
public enum WarningKind {
    /** A guide with no programme on air now: empty, or its programmes all ended. */
    GUIDE_WITHOUT_PROGRAMMES,
    /** A proxy whose last generation left channels without a guide channel. */
    CHANNELS_WITHOUT_GUIDE,
    /** An upstream host the relay stopped calling after failures. */
    CIRCUIT_OPEN,
    /** Logos whose last download failed: channels show none, or an outdated one. */
    FAILED_LOGOS
}
