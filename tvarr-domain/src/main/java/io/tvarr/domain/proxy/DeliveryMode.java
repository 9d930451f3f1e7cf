package io.tvarr.domain.proxy;

import java.util.Locale;
import java.util.Optional;

/** How a player gets a channel's stream. */
public enum DeliveryMode {
    /** The player is sent to the upstream URL (302). */
    REDIRECT,
    /** tvarr passes the shared upstream's bytes through as they come. */
    PROXY,
    /** tvarr streams FFmpeg's output for the proxy's relay profile. Called {@code relay} before. */
    TRANSCODE;

    /**
     * The mode a deprecated word stood for: {@code relay} is {@link #TRANSCODE} (in any case). Adapters keep
     * reading it, from API input and stored rows, until the next release, and say so in a WARN line.
     */
    public static Optional<DeliveryMode> ofDeprecatedName(String word) {
        return "relay".equals(word.strip().toLowerCase(Locale.ROOT)) ? Optional.of(TRANSCODE) : Optional.empty();
    }
}
