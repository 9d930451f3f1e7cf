package io.tvarr.domain.output.port.in;

import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.proxy.ProxyId;

/**
 * Changes who may read a proxy's outputs. A change that alters the URLs tvarr publishes (entering or leaving token
 * mode, a new token) regenerates a proxy that was published, so its playlist carries the new URLs.
 */
public interface ManageOutputAccessUseCase extends ReadOutputAccessUseCase {
    /** @throws io.tvarr.domain.NotFoundException when the proxy does not exist */
    OutputAccess change(ProxyId proxy, ChangeOutputAccessCommand command);

    /**
     * A new token; the old one is refused from now on.
     *
     * @throws io.tvarr.domain.ConflictException when the proxy is not in token mode
     */
    OutputAccess rotateToken(ProxyId proxy);

    /** The URLs a player subscribes to, as the proxy's access has them now. */
    OutputUrls urls(ProxyId proxy);
}
