package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.ExpressionDomain;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.http.EnumParam;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** What the mapping rule editor holds; field names are the domain's, so refusals land next to their field. */
public record RuleForm(String name, String domain, String expression, boolean enabled, boolean stopOnMatch) {
    static final Set<String> FIELDS = Set.of("name", "domain", "expression");

    static RuleForm empty() {
        return new RuleForm("", Shown.wire(ExpressionDomain.STREAM_MAPPING), "", true, false);
    }

    static RuleForm of(DataMappingRule rule) {
        return new RuleForm(
                rule.name(), Shown.wire(rule.domain()), rule.expression(), rule.enabled(), rule.stopOnMatch());
    }

    static RuleForm read(Context ctx) {
        return new RuleForm(
                orEmpty(ctx.formParam("name")),
                orEmpty(ctx.formParam("domain")),
                orEmpty(ctx.formParam("expression")),
                ctx.formParam("enabled") != null,
                ctx.formParam("stop_on_match") != null);
    }

    /** The domain, which must be one a rule takes: stream_mapping or epg_mapping. */
    static ExpressionDomain domain(@Nullable String domain) {
        ExpressionDomain parsed = EnumParam.parse(ExpressionDomain.class, domain, "domain");
        if (parsed.isFilter()) {
            throw new ValidationException("domain: '" + domain + "' (expected: stream_mapping or epg_mapping)");
        }
        return parsed;
    }

    SaveMappingRuleCommand toCommand() {
        return new SaveMappingRuleCommand(name, domain(domain), expression, enabled, stopOnMatch);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
