package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamProgramme;
import java.time.Instant;
import java.util.function.Consumer;

/** Reads one channel's programmes as the proxy's guide gives them. */
public interface ReadXtreamGuideUseCase {
    /**
     * Pushes, by start time, the programmes of the published channel with that stream id that end after {@code from}
     * and lie in the proxy's guide window (its EPG days back and ahead), at most {@code limit} of them (0 for no
     * limit), as the proxy's EPG rules make them. Reads the stored programmes of that one guide channel, a page at a
     * time, on the caller's thread; nothing when the channel is unknown, has no guide or nothing is published.
     */
    void forEachProgramme(ProxyId proxy, int streamId, Instant from, int limit, Consumer<XtreamProgramme> sink);
}
