package io.tvarr.domain.epg.service;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Page;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.in.BrowseGuideUseCase;
import io.tvarr.domain.epg.port.out.EpgRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads stored guides for the API. */
public final class GuideBrowser implements BrowseGuideUseCase {
    private final EpgRepository guides;
    private final Clock clock;

    public GuideBrowser(EpgRepository guides, Clock clock) {
        this.guides = guides;
        this.clock = clock;
    }

    @Override
    public Page<EpgChannel> channels(@Nullable EpgSourceId source, int page, int size) {
        Checks.requireRange(page, 0, Integer.MAX_VALUE, "page");
        Checks.requireRange(size, 1, 1000, "size");
        return guides.findChannels(source, page, size);
    }

    @Override
    public List<EpgProgramme> programmes(
            @Nullable EpgSourceId source, String channel, Instant from, Instant to, int page, int size) {
        Checks.requireText(channel, "channel");
        if (!to.isAfter(from)) {
            throw new ValidationException("to: " + to + " (expected: after from " + from + ")");
        }
        Checks.requireRange(page, 0, Integer.MAX_VALUE, "page");
        Checks.requireRange(size, 1, 1000, "size");
        return guides.findProgrammes(source, channel, from, to, page, size);
    }

    @Override
    public List<EpgProgramme> now(List<EpgSourceId> sources, int limit) {
        Checks.requireRange(limit, 1, 100_000, "limit");
        List<EpgProgramme> onAir = new ArrayList<>();
        guides.forEachOnAir(sources, clock.instant(), programme -> {
            if (onAir.size() < limit) {
                onAir.add(programme);
            }
        });
        return onAir;
    }
}
