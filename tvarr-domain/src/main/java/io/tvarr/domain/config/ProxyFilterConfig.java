package io.tvarr.domain.config;

import io.tvarr.domain.Checks;

/** A filter attached to a proxy by name, switched on or off. */
public record ProxyFilterConfig(String filter, boolean active) {
    public ProxyFilterConfig {
        filter = Checks.requireText(filter, "filter");
    }
}
