package io.tvarr.http.source;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.source.XtreamAccount;
import io.tvarr.domain.source.XtreamAccountCheck;
import io.tvarr.domain.source.port.in.TestXtreamAccountCommand;
import io.tvarr.domain.source.port.in.TestXtreamAccountUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Tries an Xtream login before it is saved as a source. */
public final class XtreamTestRoutes implements ApiRoutes {
    private final TestXtreamAccountUseCase accounts;

    public XtreamTestRoutes(TestXtreamAccountUseCase accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/sources/stream/test-xtream", this::test);
    }

    @OpenApi(
            path = "/api/v1/sources/stream/test-xtream",
            methods = HttpMethod.POST,
            summary = "Log in to an Xtream account: its status, expiry and connections, or the provider's refusal",
            tags = "sources",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = XtreamTestBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = XtreamCheckView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void test(Context ctx) {
        XtreamTestBody body = JsonBodies.read(ctx, XtreamTestBody.class);
        ctx.json(XtreamCheckView.of(accounts.test(
                TestXtreamAccountCommand.of(body.url(), body.username(), body.password(), body.userAgent()))));
    }

    /** The server and login to try. */
    record XtreamTestBody(
            @OpenApiRequired @Nullable String url,
            @OpenApiRequired @Nullable String username,
            @OpenApiRequired @Nullable String password,
            @OpenApiNullable @Nullable String userAgent) {}

    /** The account the panel described, or {@code ok: false} with the provider's refusal or failure. */
    record XtreamCheckView(
            boolean ok,
            @OpenApiNullable @Nullable String status,
            @OpenApiNullable @Nullable Instant expiresAt,
            @OpenApiNullable @Nullable Integer maxConnections,
            @OpenApiNullable @Nullable Integer activeConnections,
            @OpenApiNullable @Nullable Boolean trial,
            @OpenApiNullable @Nullable String problem) {
        static XtreamCheckView of(XtreamAccountCheck check) {
            XtreamAccount a = check.account();
            if (a == null) {
                return new XtreamCheckView(false, null, null, null, null, null, check.problem());
            }
            return new XtreamCheckView(
                    a.active(),
                    a.status(),
                    a.expiresAt(),
                    a.maxConnections(),
                    a.activeConnections(),
                    a.trial(),
                    a.active() ? null : "the account is " + a.status() + " (expected: Active)");
        }
    }
}
