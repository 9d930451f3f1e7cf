package io.tvarr.domain.proxy.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ListedOverride;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageChannelOverridesUseCase;
import io.tvarr.domain.proxy.port.in.SetChannelOverrideCommand;
import io.tvarr.domain.proxy.port.out.ChannelOverrideRepository;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Overrides checked against the proxy and its sources' channels as they are now. */
public final class ChannelOverrideService implements ManageChannelOverridesUseCase {
    private final ChannelOverrideRepository overrides;
    private final StreamProxyRepository proxies;
    private final ChannelRepository channels;
    private final ManualChannelRepository manual;
    private final Clock clock;

    public ChannelOverrideService(
            ChannelOverrideRepository overrides,
            StreamProxyRepository proxies,
            ChannelRepository channels,
            Clock clock) {
        this(overrides, proxies, channels, ManualChannelRepository.NONE, clock);
    }

    /** Overrides that may also change the channels added to the proxy by hand ({@code manual}). */
    public ChannelOverrideService(
            ChannelOverrideRepository overrides,
            StreamProxyRepository proxies,
            ChannelRepository channels,
            ManualChannelRepository manual,
            Clock clock) {
        this.overrides = overrides;
        this.proxies = proxies;
        this.channels = channels;
        this.manual = manual;
        this.clock = clock;
    }

    @Override
    public ChannelOverride set(SetChannelOverrideCommand command) {
        StreamProxy proxy = proxy(command.proxy());
        Channel channel = channelIn(proxy, command.channel())
                .orElseThrow(() -> new NotFoundException(
                        "channel " + command.channel() + ": not in any source of proxy '" + proxy.name() + "'"));
        // a channel added by hand has no source key: its id is its identity
        boolean manual = channel.sourceId().equals(ManualChannel.sourceIdOf(proxy.id()));
        return save(proxy, command, manual ? null : ChannelKey.of(channel));
    }

    @Override
    public ChannelOverride setByKey(SetChannelOverrideCommand command, ChannelKey key) {
        StreamProxy proxy = proxy(command.proxy());
        if (!proxy.sources().contains(key.source())) {
            throw new ValidationException("channel key " + key.externalKey() + ": source " + key.source()
                    + " is not a source of proxy '" + proxy.name() + "'");
        }
        if (!key.channelId().equals(command.channel())) {
            throw new ValidationException("channel " + command.channel() + ": not the channel of key "
                    + key.externalKey() + " (" + key.channelId() + ")");
        }
        return save(proxy, command, key);
    }

    private ChannelOverride save(StreamProxy proxy, SetChannelOverrideCommand command, @Nullable ChannelKey key) {
        ChannelOverride override = new ChannelOverride(
                proxy.id(),
                command.channel(),
                command.name(),
                command.number(),
                command.group(),
                command.logoUrl(),
                command.tvgId(),
                command.hidden(),
                clock.instant(),
                key);
        overrides.save(override);
        return override;
    }

    @Override
    public ListedOverride get(ProxyId id, ChannelId channel) {
        StreamProxy proxy = proxy(id);
        return listed(proxy, overrides.find(id, channel).orElseThrow(() -> missing(id, channel)));
    }

    @Override
    public void remove(ProxyId proxy, ChannelId channel) {
        proxy(proxy);
        if (!overrides.delete(proxy, channel)) {
            throw missing(proxy, channel);
        }
    }

    @Override
    public List<ListedOverride> list(ProxyId id) {
        StreamProxy proxy = proxy(id);
        List<ListedOverride> listed = new ArrayList<>();
        for (ChannelOverride override : overrides.findAllByProxy(id)) {
            listed.add(listed(proxy, override));
        }
        listed.sort(Comparator.comparing((ListedOverride o) -> o.channelName() == null ? "" : o.channelName())
                .thenComparing(o -> o.override().channel().toString()));
        return listed;
    }

    private ListedOverride listed(StreamProxy proxy, ChannelOverride override) {
        Optional<Channel> channel = channelIn(proxy, override.channel());
        return new ListedOverride(
                override, channel.isEmpty(), channel.map(Channel::name).orElse(null));
    }

    /**
     * The channel when it is in one of the proxy's sources or added to it by hand; a channel of another source does
     * not count.
     */
    private Optional<Channel> channelIn(StreamProxy proxy, ChannelId id) {
        return channels.findById(id)
                .filter(c -> proxy.sources().contains(c.sourceId()))
                .or(() -> manual.find(proxy.id(), id).map(ManualChannel::toChannel));
    }

    private StreamProxy proxy(ProxyId id) {
        return proxies.findById(id).orElseThrow(() -> new NotFoundException("proxy " + id + ": not found"));
    }

    private static NotFoundException missing(ProxyId proxy, ChannelId channel) {
        return new NotFoundException("override of channel " + channel + " in proxy " + proxy + ": not found");
    }
}
