package io.tvarr.domain.relay;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.source.SourceId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the relay needs to serve one channel.
 *
 * @param headers request headers the provider expects (User-Agent, Referer, Origin)
 * @param sourceLimit the provider's connection limit for the source; 0 means none
 * @param profile the FFmpeg profile for transcode delivery; null passes the upstream bytes through
 */
public record StreamPlan(
        ChannelId channel,
        String channelName,
        SourceId source,
        String upstreamUrl,
        Map<String, String> headers,
        int sourceLimit,
        @Nullable RelayProfile profile) {
    public StreamPlan {
        headers = Map.copyOf(headers);
    }

    /** Sessions are shared per channel and profile: the same channel relayed two ways is two sessions. */
    public String sessionKey() {
        return profile == null ? channel.toString() : channel + "/" + profile.id();
    }
}
