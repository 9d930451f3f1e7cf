package io.tvarr.domain.proxy.port.in;

import io.tvarr.domain.proxy.GuideMatch;
import io.tvarr.domain.proxy.GuidePinStatus;
import io.tvarr.domain.proxy.ProxyId;
import java.util.function.Consumer;

/** Explains how a proxy's last generation matched each of its channels to the guide. */
public interface ListGuideMatchesUseCase {
    /**
     * Pushes the page of matches the query selects to {@code sink}, read from the last generation's published
     * outputs one at a time (a proxy may have 100,000 channels). A proxy never generated is generated first.
     *
     * @return how many matches the query's tier selects in all (for paging)
     * @throws io.tvarr.domain.NotFoundException when the proxy does not exist
     */
    long forEachMatch(ListGuideMatchesQuery query, Consumer<GuideMatch> sink);

    /**
     * Pushes the proxy's pins, each marked orphaned when the last generation could not use it (its channel or guide
     * channel is gone); orphaned pins are kept until someone deletes them.
     */
    void forEachPin(ProxyId proxy, Consumer<GuidePinStatus> sink);
}
