package io.tvarr.domain.xtream;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.epg.EpgSourceId;
import org.jspecify.annotations.Nullable;

/**
 * A channel of a published proxy as the Xtream door shows it, in output order.
 *
 * @param streamId Xtream's {@code stream_id}: positive, derived from the channel id and kept across regenerations
 *     (a player's favourites are stored by it)
 * @param number the published channel number, null when the proxy numbers nothing
 * @param guideId the XMLTV channel id of the proxy's guide ({@code epg_channel_id}), null when unmatched
 * @param guideSource the guide source whose programmes the proxy's guide holds under {@code guideId}; null when the
 *     guide holds none for it (unmatched, or a lineup published before this was recorded)
 * @param archiveDays how many days back the provider keeps the channel for catch-up ({@code tv_archive_duration}),
 *     0 when it offers none; only channels of Xtream sources have it, since only their panels serve {@code /timeshift/}
 */
public record XtreamChannel(
        int streamId,
        ChannelId channelId,
        @Nullable Integer number,
        String name,
        @Nullable String group,
        @Nullable String logo,
        @Nullable String guideId,
        @Nullable EpgSourceId guideSource,
        int archiveDays) {
    public XtreamChannel {
        if (archiveDays < 0) {
            throw new io.tvarr.domain.ValidationException(
                    "tv_archive_duration: " + archiveDays + " (expected: 0 or more)");
        }
        if (streamId <= 0) {
            throw new io.tvarr.domain.ValidationException("stream_id: " + streamId + " (expected: positive)");
        }
        Checks.requireNonNull(channelId, "channel_id");
        name = Checks.requireText(name, "name");
    }

    /** A channel without catch-up. */
    public XtreamChannel(
            int streamId,
            ChannelId channelId,
            @Nullable Integer number,
            String name,
            @Nullable String group,
            @Nullable String logo,
            @Nullable String guideId,
            @Nullable EpgSourceId guideSource) {
        this(streamId, channelId, number, name, group, logo, guideId, guideSource, 0);
    }

    /** Whether the provider keeps the channel for catch-up ({@code tv_archive}). */
    public boolean hasArchive() {
        return archiveDays > 0;
    }

    /**
     * The stream id a channel starts from: 31 bits of its id, so it fits the int every player parses; on a clash
     * within a proxy the generator takes the next free number and remembers it.
     */
    public static int preferredStreamId(ChannelId channel) {
        long bits = channel.value().getMostSignificantBits() ^ channel.value().getLeastSignificantBits();
        int id = (int) (bits ^ (bits >>> 32)) & 0x7fffffff;
        return id == 0 ? 1 : id;
    }
}
