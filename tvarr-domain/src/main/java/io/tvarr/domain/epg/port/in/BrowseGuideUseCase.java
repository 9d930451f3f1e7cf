package io.tvarr.domain.epg.port.in;

import io.tvarr.domain.Page;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads stored guides. */
public interface BrowseGuideUseCase {
    Page<EpgChannel> channels(@Nullable EpgSourceId source, int page, int size);

    /** Programmes of one guide channel overlapping [from, to), by start; to must be after from. */
    List<EpgProgramme> programmes(
            @Nullable EpgSourceId source, String channel, Instant from, Instant to, int page, int size);

    /** What is on now on every channel of the given sources (all when empty), at most {@code limit}. */
    List<EpgProgramme> now(List<EpgSourceId> sources, int limit);
}
