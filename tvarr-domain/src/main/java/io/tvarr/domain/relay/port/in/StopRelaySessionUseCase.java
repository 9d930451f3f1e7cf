package io.tvarr.domain.relay.port.in;

/** Ends a relay session by hand. */
public interface StopRelaySessionUseCase {
    /**
     * Stops the session's upstream and disconnects its clients.
     *
     * @throws io.tvarr.domain.NotFoundException when no session has this id
     */
    void stop(String sessionId);
}
