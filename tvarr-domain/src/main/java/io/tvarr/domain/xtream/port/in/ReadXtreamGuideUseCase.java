package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.xtream.XtreamProgramme;
import java.time.Instant;
import java.util.function.Consumer;

/** Reads one channel's programmes from a proxy's published guide. */
public interface ReadXtreamGuideUseCase {
    /**
     * Pushes, in guide order, the programmes of {@code guideId} that end after {@code from}, at most {@code limit}
     * of them (0 for no limit). Reads the published XMLTV file as a stream; nothing when nothing is published.
     */
    void forEachProgramme(ProxyId proxy, String guideId, Instant from, int limit, Consumer<XtreamProgramme> sink);
}
