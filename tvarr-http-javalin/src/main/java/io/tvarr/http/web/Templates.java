package io.tvarr.http.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.Map;

/** Renders the precompiled templates of {@code src/main/jte} as HTML answers; output is escaped by content type. */
final class Templates {
    static final String PACKAGE = "io.tvarr.http.web.template";

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

    void render(Context ctx, int status, String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        engine.render(template, params, out);
        ctx.status(status).html(out.toString());
    }

    void render(Context ctx, String template, Map<String, Object> params) {
        render(ctx, 200, template, params);
    }
}
