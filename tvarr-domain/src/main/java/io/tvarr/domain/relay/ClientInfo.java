package io.tvarr.domain.relay;

/** A player watching a channel through tvarr. */
public record ClientInfo(String address, String userAgent) {}
