package io.tvarr.pipeline.output;

import org.jspecify.annotations.Nullable;

/**
 * One channel of a published lineup file, as {@link LineupWriter} writes it and {@link LineupReader} reads it.
 *
 * @param number the published channel number, or the position in the playlist when the proxy numbers nothing
 * @param channel the channel's id, the last segment of its stream URL on tvarr
 * @param guideId the tvg-id the playlist and the guide use, null when no guide matched
 */
public record LineupRow(
        String number,
        String channel,
        @Nullable String guideId,
        @Nullable String group,
        String name) {}
