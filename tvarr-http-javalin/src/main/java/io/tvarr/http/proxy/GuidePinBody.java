package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiRequired;
import org.jspecify.annotations.Nullable;

/** The guide channel to pin to a channel. */
record GuidePinBody(
        @OpenApiRequired
        @OpenApiDescription("the guide channel's XMLTV id, as GET .../guide-matches shows it")
        @Nullable
        String guideChannelId) {}
