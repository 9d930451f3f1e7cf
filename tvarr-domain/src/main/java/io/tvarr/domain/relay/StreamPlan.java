package io.tvarr.domain.relay;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.source.SourceId;
import java.util.Map;

/**
 * What the relay needs to serve one channel.
 *
 * @param headers request headers the provider expects (User-Agent, Referer, Origin)
 * @param sourceLimit the provider's connection limit for the source; 0 means none
 */
public record StreamPlan(
        ChannelId channel,
        String channelName,
        SourceId source,
        String upstreamUrl,
        Map<String, String> headers,
        int sourceLimit) {
    public StreamPlan {
        headers = Map.copyOf(headers);
    }
}
