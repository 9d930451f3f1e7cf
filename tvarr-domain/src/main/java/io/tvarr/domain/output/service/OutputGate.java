package io.tvarr.domain.output.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.OutputGrant;
import io.tvarr.domain.output.OutputGrant.Refusal;
import io.tvarr.domain.output.port.in.AuthorizeOutputUseCase;
import io.tvarr.domain.output.port.in.OutputRequest;
import io.tvarr.domain.output.port.out.OutputAccessRepository;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Decides output requests from the stored access of each proxy. Logo requests come by the hundred when a player
 * opens its channel list, so the access of all proxies they are decided on is kept for {@link #LOGO_SNAPSHOT};
 * a change reaches logos within that time, every other output at once. Thread-safe.
 */
public final class OutputGate implements AuthorizeOutputUseCase {
    static final Duration LOGO_SNAPSHOT = Duration.ofSeconds(5);

    private final OutputAccessRepository accesses;
    private final ManageProxiesUseCase proxies;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    private record Snapshot(Instant taken, List<OutputAccess> accesses) {}

    public OutputGate(OutputAccessRepository accesses, ManageProxiesUseCase proxies, Clock clock) {
        this.accesses = accesses;
        this.proxies = proxies;
        this.clock = clock;
    }

    @Override
    public OutputGrant authorize(OutputRequest request) {
        Optional<OutputAccess> byToken = accesses.findAll().stream()
                .filter(a -> a.tokenIs(request.proxy()))
                .findFirst();
        if (byToken.isPresent()) {
            return new OutputGrant.Granted(byToken.get().proxy());
        }
        StreamProxy proxy;
        try {
            proxy = proxies.find(request.proxy());
        } catch (NotFoundException e) {
            return unknown(request.proxy());
        }
        OutputAccess access = read(proxy.id());
        return switch (access.mode()) {
            case OPEN -> new OutputGrant.Granted(proxy.id());
            case LAN -> byAddress(access, request.client());
            case TOKEN -> {
                if (request.token() == null) {
                    yield unknown(request.proxy());
                }
                yield access.tokenIs(request.token())
                        ? new OutputGrant.Granted(proxy.id())
                        : new OutputGrant.Refused(Refusal.WRONG_TOKEN, "token: not the token of this proxy");
            }
        };
    }

    @Override
    public OutputGrant authorizeAccount(ProxyId proxy, InetAddress client) {
        OutputAccess access = read(proxy);
        return access.mode() == AccessMode.LAN ? byAddress(access, client) : new OutputGrant.Granted(proxy);
    }

    @Override
    public boolean mayReadLogos(@Nullable String token, InetAddress client) {
        for (OutputAccess access : everyProxy()) {
            boolean may = switch (access.mode()) {
                case OPEN -> true;
                case LAN -> access.allows(client);
                case TOKEN -> access.tokenIs(token);
            };
            if (may) {
                return true;
            }
        }
        return false;
    }

    private List<OutputAccess> everyProxy() {
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (current == null || !now.isBefore(current.taken().plus(LOGO_SNAPSHOT)) || now.isBefore(current.taken())) {
            List<OutputAccess> all =
                    proxies.list().stream().map(p -> read(p.id())).toList();
            // no proxy yet: the logos a fresh install shows its admin follow the default, the local networks
            if (all.isEmpty()) {
                all = List.of(OutputAccess.defaults(ProxyId.random()));
            }
            current = new Snapshot(now, all);
            snapshot = current;
        }
        return current.accesses();
    }

    private OutputAccess read(ProxyId proxy) {
        return accesses.findByProxy(proxy).orElseGet(() -> OutputAccess.defaults(proxy));
    }

    private static OutputGrant byAddress(OutputAccess access, InetAddress client) {
        return access.allows(client)
                ? new OutputGrant.Granted(access.proxy())
                : new OutputGrant.Refused(
                        Refusal.OUTSIDE_RANGES,
                        "client " + client.getHostAddress() + ": outside the networks this proxy answers");
    }

    /** Worded as the proxy service words an unknown proxy, so a token proxy named without its token looks absent. */
    private static OutputGrant unknown(String segment) {
        return new OutputGrant.Refused(Refusal.UNKNOWN, "proxy '" + segment + "': not found");
    }
}
