package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.StreamPlan;

/**
 * Relays files (movies, episodes) one request at a time, so that a player can seek: each request goes to the
 * upstream with the player's byte range. Files are never shared between players, unlike live sessions.
 */
public interface FileRelay {
    /**
     * Asks the upstream for {@code plan}'s file, or the part {@code request} names. The answer holds one of the
     * source's (and the host's) connections until closed; open answers with the same {@link StreamPlan#sessionKey()}
     * (one player's overlapping range requests on one file) share that connection. Thread-safe.
     *
     * @throws io.tvarr.domain.UnavailableException when a connection limit or an open circuit breaker refuses it
     * @throws io.tvarr.domain.UpstreamException when the upstream fails or answers an error
     */
    RelayedFile fetch(StreamPlan plan, FileRequest request);
}
