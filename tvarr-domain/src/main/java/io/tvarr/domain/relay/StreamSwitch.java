package io.tvarr.domain.relay;

import java.time.Instant;

/**
 * A relay session moving from one of its channel's streams to the next.
 *
 * @param from index of the stream that failed, in the channel's failover order
 * @param to index of the stream that took over
 * @param reason why the failed stream was left (credentials masked)
 */
public record StreamSwitch(int from, int to, String reason, Instant at) {}
