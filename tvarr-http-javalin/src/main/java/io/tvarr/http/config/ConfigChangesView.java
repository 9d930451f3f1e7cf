package io.tvarr.http.config;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.config.ConfigChange;
import io.tvarr.domain.config.ConfigChanges;
import java.util.List;
import java.util.Locale;

/** What an apply changed (or, in a dry run, would change); an empty list when the instance already matched. */
record ConfigChangesView(
        @OpenApiRequired boolean dryRun, @OpenApiRequired List<ChangeView> changes) {
    static ConfigChangesView of(ConfigChanges changes) {
        return new ConfigChangesView(
                changes.dryRun(), changes.changes().stream().map(ChangeView::of).toList());
    }

    /** One change. */
    record ChangeView(
            @OpenApiDescription("create, update or delete") @OpenApiRequired
            String action,

            @OpenApiDescription(
                    "source, guide, filter, mapping_rule, mapping_rule_order, relay_profile, proxy or" + " output_user")
            @OpenApiRequired
            String kind,

            @OpenApiRequired String name,

            @OpenApiDescription("for an update, the settings that change") @OpenApiRequired
            List<String> fields,

            @OpenApiDescription("the change in words") @OpenApiRequired
            String description) {
        static ChangeView of(ConfigChange change) {
            return new ChangeView(
                    change.action().name().toLowerCase(Locale.ROOT),
                    change.kind(),
                    change.name(),
                    change.fields(),
                    change.describe());
        }
    }
}
