package io.tvarr.domain.relay;

/**
 * An upstream host as the relay sees it.
 *
 * @param breaker closed, open or half_open
 */
public record UpstreamHealth(String host, String breaker, int activeSessions) {}
