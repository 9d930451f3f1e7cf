package io.tvarr.pipeline.stage;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.source.StreamSource;
import org.jspecify.annotations.Nullable;

/**
 * A channel on its way into a proxy's output.
 *
 * @param sourceIndex position of the source in the proxy's source order
 * @param number the output channel number, once numbered
 * @param guideId the XMLTV channel id the guide matched, written as tvg-id in the playlist
 * @param logo the logo URL to publish (the cached copy when logo caching is on)
 */
public record ProxyChannel(
        Channel channel,
        StreamSource source,
        int sourceIndex,
        @Nullable Integer number,
        @Nullable String guideId,
        @Nullable String logo) {

    public static ProxyChannel of(Channel channel, StreamSource source, int sourceIndex) {
        return new ProxyChannel(channel, source, sourceIndex, null, null, channel.logoUrl());
    }

    public ProxyChannel withChannel(Channel changed) {
        return changed == channel
                ? this
                : new ProxyChannel(changed, source, sourceIndex, number, guideId, changed.logoUrl());
    }

    public ProxyChannel withNumber(int assigned) {
        return new ProxyChannel(channel, source, sourceIndex, assigned, guideId, logo);
    }

    public ProxyChannel withGuideId(@Nullable String id) {
        return new ProxyChannel(channel, source, sourceIndex, number, id, logo);
    }

    public ProxyChannel withLogo(@Nullable String url) {
        return new ProxyChannel(channel, source, sourceIndex, number, guideId, url);
    }
}
