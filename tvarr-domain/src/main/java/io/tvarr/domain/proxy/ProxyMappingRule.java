package io.tvarr.domain.proxy;

import io.tvarr.domain.Checks;
import io.tvarr.domain.mapping.MappingRuleId;

/** A mapping rule attached to a proxy, which may switch it off without detaching it (as a filter may be). */
public record ProxyMappingRule(MappingRuleId ruleId, boolean active) {
    public ProxyMappingRule {
        Checks.requireNonNull(ruleId, "rule_id");
    }

    /** The rule attached and applied. */
    public static ProxyMappingRule on(MappingRuleId ruleId) {
        return new ProxyMappingRule(ruleId, true);
    }
}
