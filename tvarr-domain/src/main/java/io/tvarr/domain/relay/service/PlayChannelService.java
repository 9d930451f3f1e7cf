package io.tvarr.domain.relay.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.failover.port.in.ListChannelStreamsUseCase;
import io.tvarr.domain.health.port.in.FindBrokenStreamsUseCase;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.PlayableCodecs;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves a proxy's channel to its upstream: only channels of the proxy's own sources are served, with the
 * headers the provider expects (the channel's #EXTVLCOPT values first, then the source's user agent; the relay sends
 * the server's configured agent when neither names one). Redirect
 * delivery answers the first of the channel's streams whose host's circuit breaker is not open; proxy and transcode
 * delivery a stream through the relay, which fails over along the channel's streams ({@link
 * ListChannelStreamsUseCase}), and so does a tuner's
 * request whatever the delivery, as H.264/AAC MPEG-TS (see {@link RelayProfileChoice}).
 */
public final class PlayChannelService implements PlayChannelUseCase {
    private final ManageProxiesUseCase proxies;
    private final StreamSourceRepository sources;
    private final ListChannelStreamsUseCase streams;
    private final StreamRelay relay;
    private final RelayProfileChoice profiles;
    private final FindBrokenStreamsUseCase health;

    /** @param health which streams a recent check found broken, tried last */
    public PlayChannelService(
            ManageProxiesUseCase proxies,
            StreamSourceRepository sources,
            ListChannelStreamsUseCase streams,
            RelayProfileChoice profiles,
            StreamRelay relay,
            FindBrokenStreamsUseCase health) {
        this.profiles = profiles;
        this.health = health;
        this.proxies = proxies;
        this.sources = sources;
        this.streams = streams;
        this.relay = relay;
    }

    @Override
    public Playback play(PlayChannelCommand command) {
        StreamProxy proxy = proxies.find(command.proxy());
        if (command.tuner() && !proxy.output().hdhomerun()) {
            throw new NotFoundException("proxy '" + command.proxy() + "': its HDHomeRun tuner is switched off");
        }
        List<Channel> channels = streams.streams(proxy, command.channel());
        Set<ChannelId> broken = channels.size() == 1
                ? Set.of()
                : health.knownBroken(channels.stream().map(Channel::id).toList());
        if (proxy.deliveryMode() == DeliveryMode.REDIRECT && !command.tuner()) {
            return new Playback.Redirect(firstHealthy(channels, broken).streamUrl());
        }
        List<StreamPlan> plans = new ArrayList<>();
        for (Channel channel : channels) {
            plans.add(plan(proxy, channel, command.tuner()));
        }
        return new RelayedStream(relay, new FailoverStreams(plans, broken), command.client());
    }

    /**
     * The first stream whose upstream host's circuit breaker is not open and that no recent check found broken; then
     * the first whose breaker is not open; the channel's own when all are open. The player connects itself, so only
     * the breakers and the checks, not tvarr's connection counts, say anything about it.
     */
    private Channel firstHealthy(List<Channel> channels, Set<ChannelId> broken) {
        if (channels.size() == 1) {
            return channels.get(0);
        }
        Set<String> open = new HashSet<>();
        for (UpstreamHealth upstream : relay.upstreams()) {
            if ("open".equals(upstream.breaker())) {
                open.add(upstream.host());
            }
        }
        List<Channel> reachable = channels.stream()
                .filter(c -> !open.contains(host(c.streamUrl())))
                .toList();
        return reachable.stream()
                .filter(c -> !broken.contains(c.id()))
                .findFirst()
                .or(() -> reachable.stream().findFirst())
                .orElse(channels.get(0));
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() == null) {
                return "";
            }
            return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private StreamPlan plan(StreamProxy proxy, Channel channel, boolean tuner) {
        StreamSource source = sources.findById(channel.sourceId())
                .or(() -> channel.sourceId().equals(ManualChannel.sourceIdOf(proxy.id()))
                        ? Optional.of(ManualChannel.sourceOf(proxy.id(), proxy.updatedAt()))
                        : Optional.empty())
                .orElseThrow(() -> new NotFoundException("source " + channel.sourceId() + ": not found"));
        return StreamPlan.of(
                channel,
                source,
                tuner ? profiles.forTuner(proxy, channel.id()) : profiles.forPlaylist(proxy),
                tuner ? PlayableCodecs.TUNER : PlayableCodecs.PLAYERS);
    }
}
