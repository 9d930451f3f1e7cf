package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.XtreamAccountCheck;
import io.tvarr.domain.source.port.in.TestXtreamAccountCommand;
import io.tvarr.domain.source.port.in.TestXtreamAccountUseCase;
import java.util.HashMap;
import java.util.Map;

/**
 * The source form's "Test connection": htmx posts the form's server, username and password, and this answers the
 * panel of what the provider said, in place under the button.
 */
final class XtreamTestPage {
    private final TestXtreamAccountUseCase accounts;
    private final Templates templates;

    XtreamTestPage(TestXtreamAccountUseCase accounts, Templates templates) {
        this.accounts = accounts;
        this.templates = templates;
    }

    void register(RoutesConfig routes) {
        routes.post("/sources/test-xtream", this::test);
    }

    void test(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        try {
            XtreamAccountCheck check = accounts.test(TestXtreamAccountCommand.of(
                    ctx.formParam("url"),
                    ctx.formParam("username"),
                    ctx.formParam("password"),
                    ctx.formParam("user_agent")));
            params.put("check", check);
            params.put("refusal", "");
        } catch (ValidationException e) {
            params.put("check", null);
            params.put("refusal", e.getMessage());
        }
        templates.render(ctx, "xtreamCheck.jte", params);
    }
}
