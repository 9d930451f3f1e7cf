package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.UpstreamHealth;
import java.util.List;
import java.util.Map;

/** Shares upstream connections among clients and guards providers' limits. */
public interface StreamRelay {
    /**
     * Joins the channel's session, opening the upstream if none runs.
     *
     * @throws io.tvarr.domain.UnavailableException when a connection limit or an open circuit breaker refuses a
     *     new upstream
     */
    StreamSubscription subscribe(StreamPlan plan, ClientInfo client);

    List<RelaySessionInfo> sessions();

    /** Stops a session and disconnects its clients; false when there is none with this id. */
    boolean stop(String sessionId);

    List<UpstreamHealth> upstreams();

    /** Upstream connections in use per source id. */
    Map<String, Integer> sourceUse();
}
