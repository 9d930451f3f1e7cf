package io.tvarr.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.domain.NotFoundException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The webjars' files (Swagger UI, htmx) under {@code /webjars/}, read from the class path as they are asked for.
 * Javalin's own webjar handler mounts the whole runnable jar as a file system when the server is built, which cost a
 * tenth of {@code tvarr serve}'s start (#19); a class-path look-up per request costs nothing up front. The paths carry
 * the webjar's version, so browsers may keep a file for a year (as Javalin's handler let them).
 */
final class WebjarFiles implements ApiRoutes {
    private static final String ROOT = "META-INF/resources/webjars/";
    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "json", "application/json",
            "map", "application/json",
            "png", "image/png",
            "svg", "image/svg+xml",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    private final ClassLoader loader;

    WebjarFiles(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/webjars/<path>", this::serve);
    }

    private void serve(Context ctx) {
        String path = ctx.pathParam("path");
        String name = path.substring(path.lastIndexOf('/') + 1);
        // only the kinds of file pages load: a folder ("5.34.1") or anything else is not served
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
        InputStream file = isPlain(path) && type != null ? loader.getResourceAsStream(ROOT + path) : null;
        if (file == null) {
            throw new NotFoundException("webjar file: '" + path + "' is not on the class path");
        }
        ctx.contentType(type).header("Cache-Control", "max-age=31622400").result(file);
    }

    /** Only names below the webjars' folder: no empty, current or parent segments, no backslashes. */
    private static boolean isPlain(String path) {
        if (path.isEmpty() || path.endsWith("/") || path.indexOf('\\') >= 0) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
