package io.tvarr.http.proxy;

/**
 * The words a proxy body's {@code deliveryMode} accepts, as the OpenAPI document lists them: every
 * {@link io.tvarr.domain.proxy.DeliveryMode} and {@code relay}, the deprecated name of transcode
 * ({@link io.tvarr.domain.proxy.DeliveryMode#ofDeprecatedName}).
 */
enum DeliveryModeName {
    REDIRECT,
    PROXY,
    TRANSCODE,
    RELAY
}
