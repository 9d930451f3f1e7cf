package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of a proxy's guide matches in playlist order. */
record GuideMatchPageView(
        @OpenApiDescription("matches the tier selects in all")
        long total,

        long offset,
        int limit,
        @OpenApiNullable @Nullable String tier,
        List<GuideMatchView> matches) {}
