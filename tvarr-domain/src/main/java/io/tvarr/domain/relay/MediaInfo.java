package io.tvarr.domain.relay;

import org.jspecify.annotations.Nullable;

/** Codecs and geometry of a stream as ffprobe reports them. */
public record MediaInfo(
        @Nullable String videoCodec, @Nullable String audioCodec, int width, int height, long bitrate) {}
