package io.tvarr.domain.failover.service;

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

    public FailoverSettingsService(ManageProxiesUseCase proxies, ProxyFailoverRepository repository) {
        this.proxies = proxies;
        this.repository = repository;
    }

    @Override
    public ProxyFailover failover(String proxyIdOrSlug) {
        return repository.find(proxies.find(proxyIdOrSlug).id());
    }

    @Override
    public ProxyFailover change(String proxyIdOrSlug, ProxyFailover failover) {
        StreamProxy proxy = proxies.find(proxyIdOrSlug);
        repository.save(proxy.id(), failover);
        log.info(
                "proxy failover changed proxy_id={} merge_by={} manual_channels={}",
                proxy.id(),
                failover.mergeBy().word(),
                failover.manual().size());
        return failover;
    }
}
