package io.tvarr.domain.config;

import io.tvarr.domain.Checks;

/** A mapping rule attached to a proxy by name, switched on or off. */
public record ProxyRuleConfig(String rule, boolean active) {
    public ProxyRuleConfig {
        rule = Checks.requireText(rule, "rule");
    }
}
