package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.GuideMatchSettings;
import org.jspecify.annotations.Nullable;

/** A proxy's guide matching settings, in and out. */
record GuideMatchSettingsBody(
        @OpenApiRequired
        @OpenApiDescription(
                "the lowest similarity score (1-100) the similar tier accepts; 100 turns it off;" + " default 90")
        @Nullable
        Integer threshold) {
    @OpenApiIgnore
    GuideMatchSettings toSettings() {
        if (threshold == null) {
            throw new ValidationException("threshold: must be given (expected: 1-100)");
        }
        return new GuideMatchSettings(threshold);
    }

    @OpenApiIgnore
    static GuideMatchSettingsBody of(GuideMatchSettings settings) {
        return new GuideMatchSettingsBody(settings.threshold());
    }
}
