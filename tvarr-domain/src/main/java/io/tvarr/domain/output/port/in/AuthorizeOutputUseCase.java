package io.tvarr.domain.output.port.in;

import io.tvarr.domain.output.OutputGrant;
import io.tvarr.domain.proxy.ProxyId;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a player may read a proxy's outputs. Open proxies answer anyone; LAN proxies the addresses in
 * their ranges; token proxies whoever names them by their token (as the path segment or {@code ?token=}). LAN and
 * open proxies do not answer to tokens: they have none. Thread-safe.
 */
public interface AuthorizeOutputUseCase {
    /** For the doors that name the proxy in the path ({@code /proxy/…}, {@code /hdhr/…}). */
    OutputGrant authorize(OutputRequest request);

    /**
     * For a door whose own credentials already name the proxy and are its secret (Xtream logins): only a LAN proxy
     * can refuse, by the client's address.
     */
    OutputGrant authorizeAccount(ProxyId proxy, InetAddress client);

    /**
     * Whether the client may read cached logos, which all proxies share: when it may read at least one proxy's
     * outputs (an open proxy, the ranges of a LAN proxy, or the token of a token proxy).
     */
    boolean mayReadLogos(@Nullable String token, InetAddress client);
}
