package io.tvarr.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.output.OutputGrant;
import io.tvarr.domain.output.port.in.AuthorizeOutputUseCase;
import io.tvarr.domain.output.port.in.OutputRequest;
import io.tvarr.domain.proxy.ProxyId;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Output access at every players' door: asks the domain and turns a refusal into the HTTP answer, 404 for a proxy
 * that is unknown or named without its token, 401 for a wrong {@code ?token=}, 403 for an address outside a LAN
 * proxy's networks. Thread-safe.
 */
public final class OutputAccessCheck {
    private static final Logger log = LoggerFactory.getLogger(OutputAccessCheck.class);
    private static final String TOKEN = "token";

    private final AuthorizeOutputUseCase access;
    private final ClientAddresses clients;

    public OutputAccessCheck(AuthorizeOutputUseCase access, ClientAddresses clients) {
        this.access = access;
        this.clients = clients;
    }

    /** The client's address after trusted proxies' forwarding, for the doors and what they record of a client. */
    public InetAddress client(Context ctx) {
        return clients.of(ctx);
    }

    /**
     * The proxy the request may read, named by {@code segment} (id, slug or token) and {@code ?token=}.
     *
     * @throws NotFoundException, or an {@link HttpResponseException} of 401 or 403, when refused
     */
    public ProxyId proxy(Context ctx, String segment) {
        InetAddress client = client(ctx);
        return granted(access.authorize(new OutputRequest(segment, ctx.queryParam(TOKEN), client)), client);
    }

    /** For a door whose own login named the proxy: throws 403 when the client's address is refused. */
    public void account(Context ctx, ProxyId proxy) {
        InetAddress client = client(ctx);
        granted(access.authorizeAccount(proxy, client), client);
    }

    /** Throws 403 unless the client may read at least one proxy's outputs, which share the cached logos. */
    public void logos(Context ctx) {
        InetAddress client = client(ctx);
        if (!access.mayReadLogos(ctx.queryParam(TOKEN), client)) {
            log.info("output refused reason=logos client={}", client.getHostAddress());
            throw new HttpResponseException(
                    HttpStatus.FORBIDDEN.getCode(),
                    "client " + client.getHostAddress() + ": may read no proxy's outputs, so no logos either");
        }
    }

    private static ProxyId granted(OutputGrant grant, InetAddress client) {
        if (grant instanceof OutputGrant.Granted granted) {
            return granted.proxy();
        }
        OutputGrant.Refused refused = (OutputGrant.Refused) grant;
        log.info("output refused reason={} client={}", refused.reason(), client.getHostAddress());
        throw switch (refused.reason()) {
            case UNKNOWN -> new NotFoundException(refused.detail());
            case WRONG_TOKEN -> new HttpResponseException(HttpStatus.UNAUTHORIZED.getCode(), refused.detail());
            case OUTSIDE_RANGES -> new HttpResponseException(HttpStatus.FORBIDDEN.getCode(), refused.detail());
        };
    }
}
