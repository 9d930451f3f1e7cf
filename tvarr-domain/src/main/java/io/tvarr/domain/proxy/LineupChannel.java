package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.ChannelId;
import org.jspecify.annotations.Nullable;

/**
 * One channel of a proxy's published lineup, as a tuner device lists it.
 *
 * @param number the published channel number (tvg-chno), or the channel's position in the lineup when the proxy
 *     numbers nothing
 * @param guideId the XMLTV channel id the published guide uses for it (tvg-id), null when no guide matched
 * @param streamUrl tvarr's stream for the channel, always relayed through tvarr whatever the proxy's delivery mode,
 *     since tuner clients (Plex) need MPEG-TS from the tuner itself
 */
public record LineupChannel(
        String number,
        String name,
        @Nullable String guideId,
        @Nullable String group,
        ChannelId channel,
        String streamUrl) {
    public LineupChannel {
        number = Checks.requireText(number, "number");
        Checks.requireNonNull(name, "name");
        Checks.requireNonNull(channel, "channel");
        streamUrl = Checks.requireText(streamUrl, "stream_url");
        guideId = Checks.blankToNull(guideId);
        group = Checks.blankToNull(group);
    }
}
