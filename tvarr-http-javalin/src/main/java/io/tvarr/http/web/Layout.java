package io.tvarr.http.web;

import io.javalin.http.Context;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminSession;
import io.tvarr.http.auth.Actors;

/**
 * What every page's frame shows: its title, the section lit in the navigation, who is logged in, and the session's
 * CSRF token that forms carry in a hidden field and htmx sends as a header.
 *
 * @param csrf empty when the request came without a session (authentication off)
 */
public record Layout(String title, String section, String user, String csrf, WebAssets assets) {
    static Layout of(Context ctx, WebAssets assets, String title, String section) {
        return new Layout(
                title,
                section,
                Actors.of(ctx).name(),
                Actors.session(ctx).map(AdminSession::csrfToken).orElse(""),
                assets);
    }

    /** The frame of an error page, which a request the admin gate never saw (one without a route) may get too. */
    static Layout forError(Context ctx, WebAssets assets, String title) {
        return new Layout(
                title,
                "",
                Actors.find(ctx).map(Actor::name).orElse(""),
                Actors.session(ctx).map(AdminSession::csrfToken).orElse(""),
                assets);
    }

    /** The htmx {@code hx-headers} value: JSON with the CSRF header. */
    public String htmxHeaders() {
        return "{\"X-CSRF-Token\": \"" + csrf + "\"}";
    }
}
