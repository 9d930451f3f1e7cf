package io.tvarr.domain.proxy.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.port.in.ReadOutputAccessUseCase;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.TunerDeviceId;
import io.tvarr.domain.proxy.TunerSettings;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.List;
import java.util.function.Supplier;

/**
 * Proxies as HDHomeRun devices: identity derived from the proxy id (stable across restarts, unique per proxy),
 * tuner count from the sources' connection limits, URLs from the server's base URL asked at each call. A token
 * proxy's device lives under its token ({@code /hdhr/{token}}) and is left out of network discovery, which would
 * hand the token to anyone who asks.
 */
public final class TunerDeviceService implements DescribeTunerUseCase {
    private final ManageProxiesUseCase proxies;
    private final StreamSourceRepository sources;
    private final TunerSettings settings;
    private final Supplier<String> baseUrl;
    private final ReadOutputAccessUseCase access;

    public TunerDeviceService(
            ManageProxiesUseCase proxies,
            StreamSourceRepository sources,
            TunerSettings settings,
            Supplier<String> baseUrl,
            ReadOutputAccessUseCase access) {
        this.access = access;
        this.proxies = proxies;
        this.sources = sources;
        this.settings = settings;
        this.baseUrl = baseUrl;
    }

    @Override
    public TunerDevice describe(String idOrSlug) {
        StreamProxy proxy = proxies.find(idOrSlug);
        if (!proxy.output().hdhomerun()) {
            throw new NotFoundException("proxy '" + idOrSlug + "': its HDHomeRun tuner is switched off");
        }
        return device(proxy);
    }

    @Override
    public TunerDevice describeDefault() {
        if (settings.defaultProxy() != null) {
            return describe(settings.defaultProxy());
        }
        return proxies.list().stream()
                .filter(p -> p.output().hdhomerun())
                .findFirst()
                .map(this::device)
                .orElseThrow(() -> new NotFoundException("no proxy has its HDHomeRun tuner on"));
    }

    @Override
    public List<TunerDevice> describeAll() {
        return proxies.list().stream()
                .filter(p -> p.output().hdhomerun())
                .filter(p -> access.read(p.id()).mode() != AccessMode.TOKEN)
                .map(this::device)
                .toList();
    }

    private TunerDevice device(StreamProxy proxy) {
        String token = access.read(proxy.id()).token();
        return new TunerDevice(
                proxy.id(),
                proxy.name(),
                TunerDeviceId.of(proxy.id()),
                TunerDeviceId.authOf(proxy.id()),
                baseUrl.get().replaceAll("/+$", "") + "/hdhr/" + (token != null ? token : proxy.slug()),
                tunerCount(proxy));
    }

    /** The smallest limit among the sources that have one (0 means none); the configured count otherwise. */
    private int tunerCount(StreamProxy proxy) {
        int smallest = Integer.MAX_VALUE;
        for (SourceId id : proxy.sources()) {
            int limit =
                    sources.findById(id).map(StreamSource::maxConcurrentStreams).orElse(0);
            if (limit > 0) {
                smallest = Math.min(smallest, limit);
            }
        }
        return smallest == Integer.MAX_VALUE ? settings.tunerCount() : Math.min(smallest, 1_000);
    }
}
