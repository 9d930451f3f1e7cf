package io.tvarr.domain.proxy;

/** How a player gets a channel's stream. */
public enum DeliveryMode {
    REDIRECT,
    PROXY,
    RELAY
}
