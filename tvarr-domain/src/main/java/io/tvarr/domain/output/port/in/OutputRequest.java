package io.tvarr.domain.output.port.in;

import io.tvarr.domain.Checks;
import java.net.InetAddress;
import org.jspecify.annotations.Nullable;

/**
 * A player asking for an output of a proxy.
 *
 * @param proxy the path segment naming the proxy: its id, its slug, or its token
 * @param token the {@code ?token=} value, null when the request has none
 * @param client the client's address, after trusted proxies' forwarding headers
 */
public record OutputRequest(String proxy, @Nullable String token, InetAddress client) {
    public OutputRequest {
        Checks.requireNonNull(proxy, "proxy");
        Checks.requireNonNull(client, "client");
    }

    @Override
    public String toString() {
        return "OutputRequest[client=" + client.getHostAddress() + "]";
    }
}
