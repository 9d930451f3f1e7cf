package io.tvarr.domain.relay;

/** Hardware encoder family; AUTO picks the first verified one. */
public enum HardwareAcceleration {
    NONE,
    AUTO,
    VAAPI,
    QSV,
    NVENC
}
