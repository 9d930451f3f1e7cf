package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.proxy.GuideMatchSettings;
import io.tvarr.domain.proxy.ProxyId;

/** Reads and changes how a proxy matches its channels to its guides (the similarity threshold). */
public interface ConfigureGuideMatchingUseCase {
    /** @throws io.tvarr.domain.NotFoundException when the proxy does not exist */
    GuideMatchSettings settings(ProxyId proxy);

    /** @throws io.tvarr.domain.NotFoundException when the proxy does not exist */
    GuideMatchSettings configure(ProxyId proxy, GuideMatchSettings settings);
}
