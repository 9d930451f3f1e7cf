package io.tvarr.domain.proxy.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ConfigureGuideMatchingUseCase;
import io.tvarr.domain.proxy.port.in.PinGuideChannelCommand;
import io.tvarr.domain.proxy.port.in.PinGuideChannelUseCase;
import io.tvarr.domain.proxy.port.out.GuideMatchRepository;
import io.tvarr.domain.proxy.port.out.StreamProxyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Pins and settings of guide matching; the pipeline applies them at the next generation. */
public final class GuideMatchingService implements PinGuideChannelUseCase, ConfigureGuideMatchingUseCase {
    private final StreamProxyRepository proxies;
    private final ChannelRepository channels;
    private final GuideMatchRepository matches;
    private final Clock clock;

    public GuideMatchingService(
            StreamProxyRepository proxies, ChannelRepository channels, GuideMatchRepository matches, Clock clock) {
        this.proxies = proxies;
        this.channels = channels;
        this.matches = matches;
        this.clock = clock;
    }

    @Override
    public GuidePin pin(PinGuideChannelCommand command) {
        StreamProxy proxy = proxy(command.proxy());
        Channel channel = channels.findById(command.channel())
                .orElseThrow(() -> new NotFoundException("channel " + command.channel() + ": not found"));
        if (!proxy.sources().contains(channel.sourceId())) {
            throw new ValidationException("channel " + command.channel() + ": not from a source of proxy " + proxy.id()
                    + " (expected: a channel of " + proxy.sources() + ")");
        }
        GuidePin pin = new GuidePin(
                proxy.id(), channel.id(), command.guideChannelId(), clock.instant(), ChannelKey.of(channel));
        matches.savePin(pin);
        return pin;
    }

    @Override
    public GuidePin pinByKey(PinGuideChannelCommand command, ChannelKey key) {
        StreamProxy proxy = proxy(command.proxy());
        if (!proxy.sources().contains(key.source())) {
            throw new ValidationException("channel key " + key.externalKey() + ": source " + key.source()
                    + " is not a source of proxy " + proxy.id() + " (expected: one of " + proxy.sources() + ")");
        }
        if (!key.channelId().equals(command.channel())) {
            throw new ValidationException("channel " + command.channel() + ": not the channel of key "
                    + key.externalKey() + " (" + key.channelId() + ")");
        }
        GuidePin pin = new GuidePin(proxy.id(), command.channel(), command.guideChannelId(), clock.instant(), key);
        matches.savePin(pin);
        return pin;
    }

    @Override
    public List<GuidePin> pins(ProxyId proxy) {
        proxy(proxy);
        List<GuidePin> pins = new ArrayList<>();
        matches.forEachPin(proxy, pins::add);
        return pins;
    }

    @Override
    public void unpin(ProxyId proxy, ChannelId channel) {
        proxy(proxy);
        if (!matches.deletePin(proxy, channel)) {
            throw new NotFoundException("guide pin of channel " + channel + " in proxy " + proxy + ": not found");
        }
    }

    @Override
    public GuideMatchSettings settings(ProxyId proxy) {
        proxy(proxy);
        return matches.settings(proxy);
    }

    @Override
    public GuideMatchSettings configure(ProxyId proxy, GuideMatchSettings settings) {
        proxy(proxy);
        matches.saveSettings(proxy, settings);
        return settings;
    }

    private StreamProxy proxy(ProxyId id) {
        return proxies.findById(id).orElseThrow(() -> new NotFoundException("proxy " + id + ": not found"));
    }
}
