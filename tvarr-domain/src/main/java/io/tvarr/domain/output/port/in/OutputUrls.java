package io.tvarr.domain.output.port.in;

import org.jspecify.annotations.Nullable;

/**
 * The full URLs a player is given for a proxy, carrying its token in token mode.
 *
 * @param hdhomerun the HDHomeRun device's base URL, null when the proxy's tuner is off
 */
public record OutputUrls(
        String playlist, String guide, @Nullable String hdhomerun) {}
