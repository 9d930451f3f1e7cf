package io.tvarr.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Set;

/**
 * Refuses requests that change data when a browser says they come from another site ({@code Sec-Fetch-Site:
 * cross-site}) and their origin is not among the allowed CORS origins. A page can send a body-less POST (start an
 * ingestion, delete a job) cross-site without a CORS preflight; the content-type rule of {@link JsonBodies} does not
 * cover those. Clients that are not browsers send no such header and are unaffected.
 */
final class CrossSiteRequests {
    private static final Set<HandlerType> CHANGING =
            Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);

    private final List<String> allowedOrigins;

    CrossSiteRequests(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    void check(Context ctx) {
        if (!CHANGING.contains(ctx.method()) || !"cross-site".equalsIgnoreCase(ctx.header("Sec-Fetch-Site"))) {
            return;
        }
        String origin = ctx.header("Origin");
        if (allowedOrigins.contains("*") || (origin != null && allowedOrigins.contains(origin))) {
            return;
        }
        throw new HttpResponseException(
                HttpStatus.FORBIDDEN.getCode(),
                (origin == null ? "a cross-site request" : "origin " + origin)
                        + " is not allowed to change data (server.cors_origins)");
    }
}
