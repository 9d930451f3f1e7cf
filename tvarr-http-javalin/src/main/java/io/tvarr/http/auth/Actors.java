package io.tvarr.http.auth;

import io.javalin.http.Context;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminSession;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Who the gate let through, kept on the request for the routes and the audit trail. */
public final class Actors {
    private static final String ACTOR = "tvarr.actor";
    private static final String SESSION = "tvarr.session";

    private Actors() {}

    static void set(Context ctx, Actor actor, @Nullable AdminSession session) {
        ctx.attribute(ACTOR, actor);
        if (session != null) {
            ctx.attribute(SESSION, session);
        }
    }

    /** The actor of a request the gate let through. */
    public static Actor of(Context ctx) {
        Actor actor = ctx.attribute(ACTOR);
        if (actor == null) {
            throw new IllegalStateException("no actor on " + ctx.path() + ": the route is not behind the admin gate");
        }
        return actor;
    }

    /** The actor, when the gate let the request through (a request without a route may not have met it). */
    public static Optional<Actor> find(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACTOR));
    }

    /** The session of a request authenticated by cookie; empty for an API key or with authentication off. */
    public static Optional<AdminSession> session(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SESSION));
    }
}
