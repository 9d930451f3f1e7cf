package io.tvarr.domain.proxy;

import io.tvarr.domain.Ids;
import java.util.Objects;
import java.util.UUID;

/** Identity of a proxy. */
public record ProxyId(UUID value) {
    public ProxyId {
        Objects.requireNonNull(value, "value");
    }

    public static ProxyId random() {
        return new ProxyId(UUID.randomUUID());
    }

    public static ProxyId parse(String text) {
        return new ProxyId(Ids.parseUuid(text, "proxy id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
