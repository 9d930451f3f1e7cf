package io.tvarr.domain.output.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.ChangeOutputAccessCommand;
import io.tvarr.domain.output.port.in.ManageOutputAccessUseCase;
import io.tvarr.domain.output.port.in.OutputUrls;
import io.tvarr.domain.output.port.out.OutputAccessRepository;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import java.security.SecureRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and changes proxies' output access. Tokens are 32 bytes from {@link SecureRandom}, URL-safe Base64 (43
 * characters). URLs come from the server's base URL asked at each call. Thread-safe.
 */
public final class OutputAccessService implements ManageOutputAccessUseCase {
    private static final Logger log = LoggerFactory.getLogger(OutputAccessService.class);

    private final OutputAccessRepository accesses;
    private final ManageProxiesUseCase proxies;
    private final GenerateProxyUseCase generation;
    private final Supplier<String> baseUrl;
    private final SecretTokens tokens = new SecretTokens(new SecureRandom());

    public OutputAccessService(
            OutputAccessRepository accesses,
            ManageProxiesUseCase proxies,
            GenerateProxyUseCase generation,
            Supplier<String> baseUrl) {
        this.accesses = accesses;
        this.proxies = proxies;
        this.generation = generation;
        this.baseUrl = baseUrl;
    }

    @Override
    public OutputAccess read(ProxyId proxy) {
        return accesses.findByProxy(proxy).orElseGet(() -> OutputAccess.defaults(proxy));
    }

    @Override
    public OutputAccess change(ProxyId proxy, ChangeOutputAccessCommand command) {
        proxies.get(proxy);
        OutputAccess old = read(proxy);
        String token = command.mode() != AccessMode.TOKEN ? null : old.token() != null ? old.token() : newToken();
        OutputAccess changed = new OutputAccess(
                proxy,
                command.mode(),
                command.allowedRanges().isEmpty() ? OutputAccess.PRIVATE_RANGES : command.allowedRanges(),
                token);
        accesses.save(changed);
        log.info("output access changed proxy_id={} mode={} ranges={}", proxy, changed.mode(), changed.allowedRanges());
        republishIfKeyChanged(old, changed);
        return changed;
    }

    @Override
    public OutputAccess rotateToken(ProxyId proxy) {
        proxies.get(proxy);
        OutputAccess old = read(proxy);
        if (old.mode() != AccessMode.TOKEN) {
            throw new ConflictException(
                    "proxy " + proxy + ": access mode is " + old.mode().name().toLowerCase(java.util.Locale.ROOT)
                            + ", not token (switch to token mode first)");
        }
        OutputAccess rotated = new OutputAccess(proxy, AccessMode.TOKEN, old.allowedRanges(), newToken());
        accesses.save(rotated);
        log.info("output token rotated proxy_id={}", proxy);
        republishIfKeyChanged(old, rotated);
        return rotated;
    }

    @Override
    public OutputUrls urls(ProxyId id) {
        StreamProxy proxy = proxies.get(id);
        OutputAccess access = read(id);
        String key = access.token() != null ? access.token() : proxy.slug();
        String base = baseUrl.get().replaceAll("/+$", "");
        return new OutputUrls(
                base + "/proxy/" + key + ".m3u",
                base + "/proxy/" + key + ".xmltv",
                proxy.output().hdhomerun() ? base + "/hdhr/" + key : null);
    }

    /**
     * The published playlist names the proxy by its output key in every stream URL; once the key changed, those
     * URLs are refused, so a published proxy is generated again at once. A proxy never published gets the new
     * URLs on its first request anyway.
     */
    private void republishIfKeyChanged(OutputAccess old, OutputAccess changed) {
        if (old.outputKey().equals(changed.outputKey())
                || generation.playlist(changed.proxy()).isEmpty()) {
            return;
        }
        try {
            generation.generate(changed.proxy());
        } catch (TvarrException e) {
            // the change is stored and old URLs are already refused; the next generation publishes the new ones
            log.warn(
                    "proxy not regenerated after access change proxy_id={} reason={}", changed.proxy(), e.getMessage());
        }
    }

    private String newToken() {
        return tokens.next();
    }
}
