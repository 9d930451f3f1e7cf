package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/**
 * How proxies appear as HDHomeRun tuner devices.
 *
 * @param defaultProxy the id or slug of the proxy the bare paths ({@code /discover.json}…) describe; null: the first
 *     proxy with its tuner on
 * @param tunerCount the tuner count of a device whose sources have no connection limit
 */
public record TunerSettings(@Nullable String defaultProxy, int tunerCount) {
    public static final TunerSettings DEFAULT = new TunerSettings(null, 4);

    public TunerSettings {
        defaultProxy = Checks.blankToNull(defaultProxy);
        Checks.requireRange(tunerCount, 1, 1_000, "hdhomerun.tuner_count");
    }
}
