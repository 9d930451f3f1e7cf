package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;

/**
 * A proxy as an HDHomeRun tuner device: what discover.json and device.xml say about it.
 *
 * @param friendlyName the proxy's name
 * @param baseUrl where the device answers, {@code {server base URL}/hdhr/{slug}} ({@code {token}} for a token proxy), without a
 *     trailing slash
 * @param tunerCount how many channels the device plays at once: the smallest connection limit of the proxy's
 *     sources, or the configured count when none has a limit
 */
public record TunerDevice(
        ProxyId proxy, String friendlyName, TunerDeviceId deviceId, String deviceAuth, String baseUrl, int tunerCount) {
    /** The model of a real device whose firmware streams over HTTP (a two-tuner ATSC HDHomeRun CONNECT). */
    public static final String MODEL_NUMBER = "HDTC-2US";

    public static final String FIRMWARE_NAME = "hdhomeruntc_atsc";
    public static final String FIRMWARE_VERSION = "20200101";

    public TunerDevice {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(friendlyName, "friendly_name");
        Checks.requireNonNull(deviceId, "device_id");
        deviceAuth = Checks.requireText(deviceAuth, "device_auth");
        baseUrl = Checks.requireText(baseUrl, "base_url");
        Checks.requireRange(tunerCount, 1, 1_000, "tuner_count");
    }

    public String lineupUrl() {
        return baseUrl + "/lineup.json";
    }
}
