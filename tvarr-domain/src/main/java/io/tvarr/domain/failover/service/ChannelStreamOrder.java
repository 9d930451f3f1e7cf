package io.tvarr.domain.failover.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.failover.port.in.ListChannelStreamsUseCase;
import io.tvarr.domain.failover.port.in.ReadMergedChannelsUseCase;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves an output channel to its streams: itself, its alternates by hand, then what generation merged; each a
 * channel of one of the proxy's sources or a channel added to the proxy by hand.
 */
public final class ChannelStreamOrder implements ListChannelStreamsUseCase {
    private final ChannelRepository channels;
    private final ProxyFailoverRepository failover;
    private final ReadMergedChannelsUseCase merged;
    private final ManualChannelRepository manual;

    /** Streams of the proxy's sources' channels only (tools, tests). */
    public ChannelStreamOrder(
            ChannelRepository channels, ProxyFailoverRepository failover, ReadMergedChannelsUseCase merged) {
        this(channels, failover, merged, ManualChannelRepository.NONE);
    }

    /** Streams of the proxy's sources' channels and of the channels added to the proxy by hand ({@code manual}). */
    public ChannelStreamOrder(
            ChannelRepository channels,
            ProxyFailoverRepository failover,
            ReadMergedChannelsUseCase merged,
            ManualChannelRepository manual) {
        this.channels = channels;
        this.failover = failover;
        this.merged = merged;
        this.manual = manual;
    }

    @Override
    public List<Channel> streams(StreamProxy proxy, String channelId) {
        ChannelId id;
        try {
            id = ChannelId.parse(channelId);
        } catch (RuntimeException e) {
            throw new NotFoundException("channel '" + channelId + "': not found");
        }
        Channel channel = inProxy(proxy, id)
                .orElseThrow(() ->
                        new NotFoundException("channel " + channelId + ": not found in proxy '" + proxy.slug() + "'"));
        Set<ChannelId> order = new LinkedHashSet<>();
        order.add(id);
        order.addAll(failover.find(proxy.id()).manualAlternates(id));
        order.addAll(merged.mergedInto(proxy.id(), id));
        List<Channel> streams = new ArrayList<>();
        streams.add(channel);
        order.stream().skip(1).forEach(alternate -> inProxy(proxy, alternate).ifPresent(streams::add));
        return streams;
    }

    private Optional<Channel> inProxy(StreamProxy proxy, ChannelId id) {
        return channels.findById(id)
                .filter(c -> proxy.sources().contains(c.sourceId()))
                .or(() -> manual.find(proxy.id(), id).map(ManualChannel::toChannel));
    }
}
