package io.tvarr.http;

import io.javalin.http.Context;
import io.tvarr.domain.output.CidrRange;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address a request comes from, as output access sees it. {@code X-Forwarded-For} counts only when the
 * socket's peer is a trusted reverse proxy, since anyone can send the header; then the client is the rightmost
 * address in it that is not itself a trusted proxy (each proxy appends the address it was called from, so entries
 * left of the first untrusted one could be made up). Thread-safe.
 */
public final class ClientAddresses {
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<CidrRange> trustedProxies;

    public ClientAddresses(List<CidrRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @throws io.tvarr.domain.ValidationException when a trusted proxy forwarded an entry that is not an address
     */
    public InetAddress of(Context ctx) {
        InetAddress peer = CidrRange.parseAddress(ctx.req().getRemoteAddr(), "peer address");
        if (!trusted(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(ctx.req().getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = CidrRange.parseAddress(withoutPort(hops.get(i)), FORWARDED_FOR + ": '" + hops.get(i) + "'");
            if (!trusted(client)) {
                break;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        for (CidrRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** Some proxies write {@code [2001:db8::1]:4711} or {@code 192.0.2.1:4711}; the port is of no use here. */
    private static String withoutPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end < 0 ? hop : hop.substring(1, end);
        }
        int colon = hop.indexOf(':');
        return colon >= 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
