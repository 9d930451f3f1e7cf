package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.StreamPlan;
import java.util.Optional;

/**
 * The relay's connection counts, for work other than playing that reads a provider's stream (health checks): it takes
 * from the same per-source and per-host limits the relay's sessions do, so together they never pass a provider's
 * allowance.
 */
public interface ConnectionSlots {
    /**
     * Takes one connection for the plan's source and host if both have one free.
     *
     * @return empty when a limit is reached; the caller closes the slot it gets
     * @throws io.tvarr.domain.RefusedUpstreamException when the plan's URL is not one the relay would open
     */
    Optional<ConnectionSlot> tryTake(StreamPlan plan);
}
