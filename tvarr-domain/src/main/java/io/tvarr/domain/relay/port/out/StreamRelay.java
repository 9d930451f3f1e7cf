package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
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
    default StreamSubscription subscribe(StreamPlan plan, ClientInfo client) {
        return subscribe(FailoverStreams.of(plan), client);
    }

    /**
     * Joins the output channel's session, opening the first of its streams whose source has a free connection and
     * whose host's circuit breaker is not open; a session whose stream fails moves its clients to the next one.
     *
     * @throws io.tvarr.domain.UnavailableException when every stream is refused, naming each refusal
     */
    StreamSubscription subscribe(FailoverStreams streams, ClientInfo client);

    List<RelaySessionInfo> sessions();

    /** Stops a session and disconnects its clients; false when there is none with this id. */
    boolean stop(String sessionId);

    List<UpstreamHealth> upstreams();

    /** Upstream connections in use per source id. */
    Map<String, Integer> sourceUse();
}
