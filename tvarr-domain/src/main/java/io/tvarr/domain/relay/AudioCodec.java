package io.tvarr.domain.relay;

/** Audio handling of a relay profile. */
public enum AudioCodec {
    COPY,
    AAC,
    AC3,
    OPUS
}
