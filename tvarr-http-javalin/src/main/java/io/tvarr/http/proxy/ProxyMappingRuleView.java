package io.tvarr.http.proxy;

/** A mapping rule attached to a proxy; {@code active} false: attached but switched off for this proxy. */
record ProxyMappingRuleView(String ruleId, boolean active) {}
