package io.tvarr.domain.relay.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.port.in.StreamChannelUseCase;
import io.tvarr.domain.relay.port.in.StreamDecision;
import io.tvarr.domain.relay.port.out.RelayProfileRepository;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.HashMap;
import java.util.Map;

/**
 * Resolves a proxy's channel to its upstream: only channels of the proxy's own sources are served, with the
 * headers the provider expects (the channel's #EXTVLCOPT values first, then the source's user agent).
 */
public final class ChannelStreamService implements StreamChannelUseCase {
    private final ManageProxiesUseCase proxies;
    private final StreamSourceRepository sources;
    private final ChannelRepository channels;
    private final StreamRelay relay;
    private final RelayProfileRepository profiles;

    public ChannelStreamService(
            ManageProxiesUseCase proxies,
            StreamSourceRepository sources,
            ChannelRepository channels,
            RelayProfileRepository profiles,
            StreamRelay relay) {
        this.profiles = profiles;
        this.proxies = proxies;
        this.sources = sources;
        this.channels = channels;
        this.relay = relay;
    }

    @Override
    public StreamDecision decide(String proxyIdOrSlug, String channelId) {
        StreamProxy proxy = proxies.find(proxyIdOrSlug);
        ChannelId id;
        try {
            id = ChannelId.parse(channelId);
        } catch (RuntimeException e) {
            throw new NotFoundException("channel '" + channelId + "': not found");
        }
        Channel channel = channels.findById(id)
                .filter(c -> proxy.sources().contains(c.sourceId()))
                .orElseThrow(() ->
                        new NotFoundException("channel " + channelId + ": not found in proxy '" + proxy.slug() + "'"));
        StreamSource source = sources.findById(channel.sourceId())
                .orElseThrow(() -> new NotFoundException("source " + channel.sourceId() + ": not found"));
        Map<String, String> headers = new HashMap<>();
        putIfPresent(headers, "User-Agent", channel.attribute("http-user-agent"));
        putIfPresent(headers, "Referer", channel.attribute("http-referrer"));
        putIfPresent(headers, "Origin", channel.attribute("http-origin"));
        if (!headers.containsKey("User-Agent") && source.userAgent() != null) {
            headers.put("User-Agent", source.userAgent());
        }
        return new StreamDecision(
                proxy.deliveryMode(),
                new StreamPlan(
                        channel.id(),
                        channel.name(),
                        source.id(),
                        channel.streamUrl(),
                        headers,
                        source.maxConcurrentStreams(),
                        profile(proxy)));
    }

    private @org.jspecify.annotations.Nullable RelayProfile profile(StreamProxy proxy) {
        if (proxy.deliveryMode() != DeliveryMode.RELAY || proxy.relayProfile() == null) {
            return null;
        }
        return profiles.findById(proxy.relayProfile())
                .orElseThrow(() -> new NotFoundException(
                        "relay profile " + proxy.relayProfile() + " of proxy '" + proxy.slug() + "': not found"));
    }

    @Override
    public StreamSubscription open(StreamPlan plan, ClientInfo client) {
        return relay.subscribe(plan, client);
    }

    private static void putIfPresent(
            Map<String, String> headers, String name, @org.jspecify.annotations.Nullable String value) {
        if (value != null && !value.isBlank()) {
            headers.put(name, value.strip());
        }
    }
}
