package io.tvarr.domain.failover.service;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.ChannelKey;
import io.tvarr.domain.channel.port.out.ChannelKeyRepository;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.failover.ChannelAlternates;
import io.tvarr.domain.failover.ProxyFailover;
import io.tvarr.domain.failover.port.in.ManageFailoverUseCase;
import io.tvarr.domain.failover.port.out.ProxyFailoverRepository;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A proxy's failover settings, kept by the repository beside the proxy. */
public final class FailoverSettingsService implements ManageFailoverUseCase {
    private static final Logger log = LoggerFactory.getLogger(FailoverSettingsService.class);

    private final ManageProxiesUseCase proxies;
    private final ProxyFailoverRepository repository;
    private final ChannelRepository channels;
    private final ChannelKeyRepository keys;

    /**
     * @param channels where the alternates' channels are found when listed, so that {@code keys} remembers their keys
     *     and a configuration export can name them once they are gone
     */
    public FailoverSettingsService(
            ManageProxiesUseCase proxies,
            ProxyFailoverRepository repository,
            ChannelRepository channels,
            ChannelKeyRepository keys) {
        this.proxies = proxies;
        this.repository = repository;
        this.channels = channels;
        this.keys = keys;
    }

    @Override
    public ProxyFailover failover(String proxyIdOrSlug) {
        return repository.find(proxies.find(proxyIdOrSlug).id());
    }

    @Override
    public ProxyFailover change(String proxyIdOrSlug, ProxyFailover failover) {
        StreamProxy proxy = proxies.find(proxyIdOrSlug);
        for (ChannelAlternates entry : failover.manual()) {
            remember(entry.channel());
            entry.alternates().forEach(this::remember);
        }
        repository.save(proxy.id(), failover);
        log.info(
                "proxy failover changed proxy_id={} merge_by={} manual_channels={}",
                proxy.id(),
                failover.mergeBy().word(),
                failover.manual().size());
        return failover;
    }

    /** A channel that is not there now (added by hand, or gone) keeps what was remembered of it. */
    private void remember(ChannelId channel) {
        channels.findById(channel).map(ChannelKey::of).ifPresent(keys::remember);
    }
}
