package io.tvarr.domain.relay;

/** Video handling of a relay profile. */
public enum VideoCodec {
    COPY,
    H264,
    HEVC,
    AV1
}
