package io.tvarr.domain.xtream;

import io.tvarr.domain.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A programme of a published proxy's guide, as {@code get_short_epg} lists it. */
public record XtreamProgramme(
        String guideId,
        Instant start,
        Instant stop,
        String title,
        @Nullable String description,
        @Nullable String lang) {
    public XtreamProgramme {
        guideId = Checks.requireText(guideId, "guide_id");
        Checks.requireNonNull(start, "start");
        Checks.requireNonNull(stop, "stop");
        Checks.requireNonNull(title, "title");
    }
}
