package io.tvarr.domain.relay;

import io.tvarr.domain.Checks;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the relay needs to serve one channel.
 *
 * @param sourceName the source's name, for messages about its limits
 * @param headers request headers the provider expects (User-Agent, Referer, Origin)
 * @param sourceLimit the provider's connection limit for the source; 0 means none
 * @param profile the FFmpeg profile for transcode delivery; null passes the upstream bytes through
 * @param playable what the player takes as it is, which a smart profile copies
 */
public record StreamPlan(
        ChannelId channel,
        String channelName,
        SourceId source,
        String sourceName,
        String upstreamUrl,
        Map<String, String> headers,
        int sourceLimit,
        @Nullable RelayProfile profile,
        PlayableCodecs playable) {
    public StreamPlan {
        headers = Map.copyOf(headers);
        Checks.requireNonNull(playable, "playable");
    }

    /** A plan for playlist players. */
    public StreamPlan(
            ChannelId channel,
            String channelName,
            SourceId source,
            String sourceName,
            String upstreamUrl,
            Map<String, String> headers,
            int sourceLimit,
            @Nullable RelayProfile profile) {
        this(
                channel,
                channelName,
                source,
                sourceName,
                upstreamUrl,
                headers,
                sourceLimit,
                profile,
                PlayableCodecs.PLAYERS);
    }

    /**
     * A channel of a source, with the headers its provider expects: the channel's #EXTVLCOPT values first, then the
     * source's User-Agent (the relay adds the server's when neither names one).
     */
    public static StreamPlan of(
            Channel channel, StreamSource source, @Nullable RelayProfile profile, PlayableCodecs playable) {
        Map<String, String> headers = new HashMap<>();
        putIfPresent(headers, "User-Agent", channel.attribute("http-user-agent"));
        putIfPresent(headers, "Referer", channel.attribute("http-referrer"));
        putIfPresent(headers, "Origin", channel.attribute("http-origin"));
        if (!headers.containsKey("User-Agent") && source.userAgent() != null) {
            headers.put("User-Agent", source.userAgent());
        }
        return new StreamPlan(
                channel.id(),
                channel.name(),
                source.id(),
                source.name(),
                channel.streamUrl(),
                headers,
                source.maxConcurrentStreams(),
                profile,
                playable);
    }

    private static void putIfPresent(Map<String, String> headers, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value.strip());
        }
    }

    /** The same plan reading another URL of the same upstream (an HLS variant, say). */
    public StreamPlan withUpstreamUrl(String url) {
        return new StreamPlan(channel, channelName, source, sourceName, url, headers, sourceLimit, profile, playable);
    }

    /**
     * The plan with a User-Agent for requests that name none: the channel's and the source's own agents win over
     * the server's.
     */
    public StreamPlan withDefaultUserAgent(String agent) {
        if (headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("User-Agent"))) {
            return this;
        }
        Map<String, String> withAgent = new java.util.HashMap<>(headers);
        withAgent.put("User-Agent", agent);
        return new StreamPlan(
                channel, channelName, source, sourceName, upstreamUrl, withAgent, sourceLimit, profile, playable);
    }

    /**
     * Sessions are shared per channel and profile: the same channel relayed two ways is two sessions. A smart
     * profile's output also depends on what the player takes, so tuner and playlist players do not share one.
     */
    public String sessionKey() {
        if (profile == null) {
            return channel.toString();
        }
        return profile.smart() ? channel + "/" + profile.id() + "/" + playable.key() : channel + "/" + profile.id();
    }
}
