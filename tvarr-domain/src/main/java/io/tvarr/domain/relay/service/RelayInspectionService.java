package io.tvarr.domain.relay.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.RelayUpstreams;
import io.tvarr.domain.relay.port.in.InspectRelayUseCase;
import io.tvarr.domain.relay.port.in.StopRelaySessionUseCase;
import io.tvarr.domain.relay.port.out.StreamRelay;
import java.util.List;

/** Shows the relay's sessions and upstreams, and stops a session on request. */
public final class RelayInspectionService implements InspectRelayUseCase, StopRelaySessionUseCase {
    private final StreamRelay relay;

    public RelayInspectionService(StreamRelay relay) {
        this.relay = relay;
    }

    @Override
    public List<RelaySessionInfo> sessions() {
        return relay.sessions();
    }

    @Override
    public RelayUpstreams upstreams() {
        return new RelayUpstreams(relay.upstreams(), relay.sourceUse());
    }

    @Override
    public void stop(String sessionId) {
        if (!relay.stop(sessionId)) {
            throw new NotFoundException("relay session " + sessionId + ": not found");
        }
    }
}
