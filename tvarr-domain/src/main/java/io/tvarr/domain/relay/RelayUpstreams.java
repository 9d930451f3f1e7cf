package io.tvarr.domain.relay;

import java.util.List;
import java.util.Map;

/**
 * The relay's view of the providers.
 *
 * @param hosts circuit breaker state per upstream host
 * @param sourceConnections upstream connections in use per source id
 */
public record RelayUpstreams(List<UpstreamHealth> hosts, Map<String, Integer> sourceConnections) {
    public RelayUpstreams {
        hosts = List.copyOf(hosts);
        sourceConnections = Map.copyOf(sourceConnections);
    }
}
