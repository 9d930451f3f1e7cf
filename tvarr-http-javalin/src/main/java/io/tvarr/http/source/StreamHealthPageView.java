package io.tvarr.http.source;

import io.javalin.openapi.OpenApiDescription;
import io.tvarr.domain.Page;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import java.util.List;
import java.util.Map;

/** One page of a source's stream checks, most recently checked first, with the counts of all of them. */
record StreamHealthPageView(
        List<StreamHealthView> items,
        int page,
        int size,

        @OpenApiDescription("channels of the source with a stored check")
        long total,

        @OpenApiDescription("of them, working at their last check")
        long working,

        @OpenApiDescription("of them, broken at their last check")
        long broken) {
    static StreamHealthPageView of(Page<StreamHealth> page, Map<HealthStatus, Long> counts) {
        return new StreamHealthPageView(
                page.items().stream().map(StreamHealthView::of).toList(),
                page.page(),
                page.size(),
                page.total(),
                counts.getOrDefault(HealthStatus.WORKING, 0L),
                counts.getOrDefault(HealthStatus.BROKEN, 0L));
    }
}
