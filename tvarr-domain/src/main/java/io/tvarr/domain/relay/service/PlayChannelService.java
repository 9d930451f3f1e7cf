package io.tvarr.domain.relay.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.relay.PlayableCodecs;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resolves a proxy's channel to its upstream: only channels of the proxy's own sources are served, with the
 * headers the provider expects (the channel's #EXTVLCOPT values first, then the source's user agent; the relay sends
 * the server's configured agent when neither names one). Redirect
 * delivery answers the upstream URL; proxy and transcode delivery a stream through the relay, and so does a tuner's
 * request whatever the delivery, as H.264/AAC MPEG-TS (see {@link RelayProfileChoice}).
 */
public final class PlayChannelService implements PlayChannelUseCase {
    private final ManageProxiesUseCase proxies;
    private final StreamSourceRepository sources;
    private final ChannelRepository channels;
    private final StreamRelay relay;
    private final RelayProfileChoice profiles;

    public PlayChannelService(
            ManageProxiesUseCase proxies,
            StreamSourceRepository sources,
            ChannelRepository channels,
            RelayProfileChoice profiles,
            StreamRelay relay) {
        this.profiles = profiles;
        this.proxies = proxies;
        this.sources = sources;
        this.channels = channels;
        this.relay = relay;
    }

    @Override
    public Playback play(PlayChannelCommand command) {
        StreamProxy proxy = proxies.find(command.proxy());
        if (command.tuner() && !proxy.output().hdhomerun()) {
            throw new NotFoundException("proxy '" + command.proxy() + "': its HDHomeRun tuner is switched off");
        }
        Channel channel = channel(proxy, command.channel());
        if (proxy.deliveryMode() == DeliveryMode.REDIRECT && !command.tuner()) {
            return new Playback.Redirect(channel.streamUrl());
        }
        return new RelayedStream(relay, plan(proxy, channel, command.tuner()), command.client());
    }

    private Channel channel(StreamProxy proxy, String channelId) {
        ChannelId id;
        try {
            id = ChannelId.parse(channelId);
        } catch (RuntimeException e) {
            throw new NotFoundException("channel '" + channelId + "': not found");
        }
        return channels.findById(id)
                .filter(c -> proxy.sources().contains(c.sourceId()))
                .orElseThrow(() ->
                        new NotFoundException("channel " + channelId + ": not found in proxy '" + proxy.slug() + "'"));
    }

    private StreamPlan plan(StreamProxy proxy, Channel channel, boolean tuner) {
        StreamSource source = sources.findById(channel.sourceId())
                .orElseThrow(() -> new NotFoundException("source " + channel.sourceId() + ": not found"));
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
                tuner ? profiles.forTuner(channel.id()) : profiles.forPlaylist(proxy),
                tuner ? PlayableCodecs.TUNER : PlayableCodecs.PLAYERS);
    }

    private static void putIfPresent(Map<String, String> headers, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value.strip());
        }
    }
}
