package io.tvarr.domain.relay.port.in;

import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.RelayUpstreams;
import java.util.List;

/** What the relay is doing now. Both answers are snapshots, safe to call from any thread. */
public interface InspectRelayUseCase {
    /** Running upstream sessions with their clients, bytes and bitrate. */
    List<RelaySessionInfo> sessions();

    /** Upstream hosts' circuit breakers and the connections in use per source. */
    RelayUpstreams upstreams();
}
