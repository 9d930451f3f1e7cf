package io.tvarr.domain.filter.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.source.SourceId;
import java.util.List;

/**
 * Try an expression on stored data: channel domains read the given channel sources, programme domains the given
 * guide sources (all when the list is empty).
 *
 * @param samples how many matching records to show, 1-100
 */
public record PreviewQuery(
        ExpressionDomain domain, String expression, List<SourceId> sources, List<EpgSourceId> epgSources, int samples) {
    public PreviewQuery {
        Checks.requireNonNull(domain, "domain");
        expression = Checks.requireNonNull(expression, "expression");
        sources = List.copyOf(sources);
        epgSources = List.copyOf(epgSources);
        Checks.requireRange(samples, 1, 100, "samples");
    }
}
