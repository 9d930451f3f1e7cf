package io.tvarr.http.problem;

import com.fasterxml.jackson.core.JacksonException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.InvalidExpressionException;
import java.sql.SQLException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become HTTP answers: {@code application/problem+json}, never a stack trace.
 * Expected failures are logged at most at INFO; unexpected ones once at ERROR with an error id the client sees.
 */
public final class ProblemResponses {
    public static final String CONTENT_TYPE = "application/problem+json";
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private ProblemResponses() {}

    public static void register(RoutesConfig routes) {
        register(routes, ErrorPage.NONE);
    }

    /** Registers the mapping; requests the error page {@link ErrorPage#wants wants} get an HTML page instead. */
    public static void register(RoutesConfig routes, ErrorPage page) {
        Answer answer = (ctx, type, status, detail) -> {
            if (page.wants(ctx)) {
                page.render(ctx, status, type.title(), Redaction.redactUrl(detail));
            } else {
                send(ctx, type, status, detail);
            }
        };
        routes.exception(
                ValidationException.class, (e, ctx) -> answer.send(ctx, ProblemType.VALIDATION, e.getMessage()));
        routes.exception(InvalidExpressionException.class, (e, ctx) -> {
            ProblemType type = ProblemType.VALIDATION;
            ctx.status(type.status());
            ctx.json(new Problem(
                    type.uri(),
                    type.title(),
                    type.status(),
                    e.getMessage(),
                    path(ctx),
                    String.valueOf(ctx.res().getHeader("X-Request-Id")),
                    null,
                    e.problem().column(),
                    e.problem().caret()));
            ctx.contentType(CONTENT_TYPE);
        });
        routes.exception(NotFoundException.class, (e, ctx) -> answer.send(ctx, ProblemType.NOT_FOUND, e.getMessage()));
        routes.exception(ConflictException.class, (e, ctx) -> answer.send(ctx, ProblemType.CONFLICT, e.getMessage()));
        routes.exception(UpstreamException.class, (e, ctx) -> {
            log.info("upstream failed path={} reason={}", path(ctx), Redaction.redactUrl(e.getMessage()));
            answer.send(ctx, ProblemType.UPSTREAM, e.getMessage());
        });
        routes.exception(UnavailableException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            answer.send(ctx, ProblemType.UNAVAILABLE, e.getMessage());
        });
        routes.exception(StorageException.class, (e, ctx) -> {
            log.warn("storage failed path={} reason={}", path(ctx), Redaction.redactUrl(e.getMessage()));
            // database messages carry SQL and connection details; files and disks say what failed in plain words
            answer.send(ctx, ProblemType.UNAVAILABLE, isDatabase(e) ? "the database is not available" : e.getMessage());
        });
        routes.exception(
                JacksonException.class, (e, ctx) -> send(ctx, ProblemType.VALIDATION, JsonProblems.describe(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            ProblemType type = ProblemType.forStatus(e.getStatus());
            answer.send(ctx, type, e.getStatus(), e.getMessage());
        });
        routes.exception(
                jakarta.servlet.ServletException.class,
                (e, ctx) -> MultipartRefusals.of(e)
                        .ifPresentOrElse(
                                refusal -> answer.send(ctx, refusal.type(), refusal.detail()), () -> internal(e, ctx)));
        routes.exception(Exception.class, ProblemResponses::internal);
        routes.error(404, ctx -> {
            if (!isAnswered(ctx)) {
                answer.send(ctx, ProblemType.NOT_FOUND, "no route for " + ctx.method() + " " + ctx.path());
            }
        });
        routes.error(405, ctx -> {
            if (!isProblem(ctx)) {
                send(ctx, ProblemType.METHOD_NOT_ALLOWED, ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    /** Sends a problem, or hands it to the error page. */
    @FunctionalInterface
    private interface Answer {
        void send(Context ctx, ProblemType type, int status, String detail);

        default void send(Context ctx, ProblemType type, String detail) {
            send(ctx, type, type.status(), detail);
        }
    }

    public static void send(Context ctx, ProblemType type, String detail) {
        send(ctx, type, type.status(), detail);
    }

    private static void send(Context ctx, ProblemType type, int status, String detail) {
        String requestId = String.valueOf(ctx.res().getHeader("X-Request-Id"));
        ctx.status(status);
        // messages quote the URLs they failed on, and the instance may be an Xtream path with a password in it
        ctx.json(Problem.of(type, status, Redaction.redactUrl(detail), path(ctx), requestId));
        ctx.contentType(CONTENT_TYPE);
    }

    private static void internal(Exception e, Context ctx) {
        String errorId = UUID.randomUUID().toString();
        log.error("request failed error_id={} method={} path={}", errorId, ctx.method(), path(ctx), e);
        ProblemType type = ProblemType.INTERNAL;
        ctx.status(type.status());
        ctx.json(new Problem(
                type.uri(),
                type.title(),
                type.status(),
                "unexpected error; quote error id " + errorId + " when reporting it",
                path(ctx),
                String.valueOf(ctx.res().getHeader("X-Request-Id")),
                errorId,
                null,
                null));
        ctx.contentType(CONTENT_TYPE);
    }

    /** Xtream stream paths carry the player's password: {@code /live/{username}/{password}/{id}.ts}. */
    private static String path(Context ctx) {
        return Redaction.redactUrl(ctx.path());
    }

    private static boolean isDatabase(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause.getClass().getName().startsWith("org.jdbi.")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(CONTENT_TYPE);
    }

    /** A problem, or a page a handler or the error page already wrote, stays as it is. */
    private static boolean isAnswered(Context ctx) {
        String type = ctx.res().getContentType();
        return isProblem(ctx) || (type != null && type.startsWith("text/html"));
    }
}
