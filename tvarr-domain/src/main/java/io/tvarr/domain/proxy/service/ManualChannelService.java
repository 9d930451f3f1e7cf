package io.tvarr.domain.proxy.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ManualChannel;
import io.tvarr.domain.proxy.ManualChannelsM3u;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase;
import io.tvarr.domain.proxy.port.in.SaveManualChannelCommand;
import io.tvarr.domain.proxy.port.out.ManualChannelRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import java.io.Reader;
import java.io.Writer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Manual channels checked against their proxy; an import is checked whole before anything is stored. */
public final class ManualChannelService implements ManageManualChannelsUseCase {
    private final ManualChannelRepository channels;
    private final StreamProxyRepository proxies;
    private final Clock clock;

    public ManualChannelService(ManualChannelRepository channels, StreamProxyRepository proxies, Clock clock) {
        this.channels = channels;
        this.proxies = proxies;
        this.clock = clock;
    }

    @Override
    public ManualChannel add(SaveManualChannelCommand command) {
        StreamProxy proxy = proxy(command.proxy());
        List<ManualChannel> existing = channels.findAllByProxy(proxy.id());
        if (existing.size() >= ManualChannel.MAX_PER_PROXY) {
            throw new ValidationException("proxy '" + proxy.name() + "': already has " + existing.size()
                    + " manual channels (expected: at most " + ManualChannel.MAX_PER_PROXY + ")");
        }
        ManualChannel channel = channel(new ChannelId(UUID.randomUUID()), command, nextPosition(existing));
        channels.saveAll(List.of(channel));
        return channel;
    }

    @Override
    public ManualChannel update(ChannelId id, SaveManualChannelCommand command) {
        ManualChannel stored = get(command.proxy(), id);
        Instant now = clock.instant();
        ManualChannel updated = stored.withValuesOf(channel(id, command, stored.position()), now);
        channels.saveAll(List.of(updated));
        return updated;
    }

    @Override
    public ManualChannel put(ChannelId id, SaveManualChannelCommand command) {
        StreamProxy proxy = proxy(command.proxy());
        if (channels.find(proxy.id(), id).isPresent()) {
            return update(id, command);
        }
        List<ManualChannel> existing = channels.findAllByProxy(proxy.id());
        if (existing.size() >= ManualChannel.MAX_PER_PROXY) {
            throw new ValidationException("proxy '" + proxy.name() + "': already has " + existing.size()
                    + " manual channels (expected: at most " + ManualChannel.MAX_PER_PROXY + ")");
        }
        ManualChannel channel = channel(id, command, nextPosition(existing));
        channels.saveAll(List.of(channel));
        return channel;
    }

    @Override
    public ManualChannel get(ProxyId proxy, ChannelId channel) {
        proxy(proxy);
        return channels.find(proxy, channel).orElseThrow(() -> missing(proxy, channel));
    }

    @Override
    public void remove(ProxyId proxy, ChannelId channel) {
        proxy(proxy);
        if (!channels.delete(proxy, channel)) {
            throw missing(proxy, channel);
        }
    }

    @Override
    public List<ManualChannel> list(ProxyId proxy) {
        proxy(proxy);
        return channels.findAllByProxy(proxy);
    }

    @Override
    public ImportedManualChannels importM3u(ProxyId id, Reader playlist) {
        StreamProxy proxy = proxy(id);
        List<ManualChannel> existing = channels.findAllByProxy(id);
        List<ManualChannelsM3u.Entry> entries = ManualChannelsM3u.read(playlist, ManualChannel.MAX_PER_PROXY);
        Map<String, ManualChannel> byUrl = new HashMap<>();
        existing.forEach(c -> byUrl.putIfAbsent(c.streamUrl(), c));
        Instant now = clock.instant();
        int position = nextPosition(existing);
        int added = 0;
        Map<ChannelId, ManualChannel> saved = new LinkedHashMap<>();
        for (ManualChannelsM3u.Entry entry : entries) {
            ManualChannel same = byUrl.get(entry.streamUrl());
            if (same != null) {
                saved.put(same.id(), same.withValuesOf(entry.toChannel(same.id(), id, same.position(), now), now));
            } else {
                ManualChannel fresh = entry.toNewChannel(id, position++, now);
                byUrl.put(fresh.streamUrl(), fresh);
                saved.put(fresh.id(), fresh);
                added++;
            }
        }
        if (existing.size() + added > ManualChannel.MAX_PER_PROXY) {
            throw new ValidationException("playlist: " + added + " new channels for proxy '" + proxy.name()
                    + "', which has " + existing.size() + " (expected: at most " + ManualChannel.MAX_PER_PROXY
                    + " in all)");
        }
        channels.saveAll(new ArrayList<>(saved.values()));
        return new ImportedManualChannels(added, saved.size() - added);
    }

    @Override
    public void exportM3u(ProxyId proxy, Writer out) {
        ManualChannelsM3u.write(list(proxy), out);
    }

    private ManualChannel channel(ChannelId id, SaveManualChannelCommand command, int position) {
        return new ManualChannel(
                id,
                command.proxy(),
                command.name(),
                command.streamUrl(),
                command.tvgId(),
                command.logoUrl(),
                command.group(),
                command.number(),
                command.guideChannelId(),
                position,
                clock.instant());
    }

    private static int nextPosition(List<ManualChannel> existing) {
        return existing.stream().mapToInt(ManualChannel::position).max().orElse(-1) + 1;
    }

    private StreamProxy proxy(ProxyId id) {
        return proxies.findById(id).orElseThrow(() -> new NotFoundException("proxy " + id + ": not found"));
    }

    private static NotFoundException missing(ProxyId proxy, ChannelId channel) {
        return new NotFoundException("manual channel " + channel + " in proxy " + proxy + ": not found");
    }
}
