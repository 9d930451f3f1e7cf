package io.tvarr.http;

import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one way a route reads a JSON request body. Only {@code application/json} is read: browsers send
 * {@code text/plain} and form types cross-site without asking first (no CORS preflight), so accepting them would let
 * any page a user visits change data. Bodies are capped at {@link #MAX_BYTES}; {@code null} and empty bodies are
 * refused instead of reaching a handler as a null.
 */
public final class JsonBodies {
    /** API bodies are small (the largest, a proxy, lists ids); uploads have their own routes and limit. */
    public static final int MAX_BYTES = 1024 * 1024;

    private static final String JSON = "application/json";

    private JsonBodies() {}

    /**
     * Reads the body as {@code type}.
     *
     * @throws HttpResponseException 415 for another content type, 413 over {@link #MAX_BYTES}
     * @throws ValidationException for an empty or {@code null} body
     * @throws com.fasterxml.jackson.core.JacksonException for malformed JSON (a 400 naming line and column)
     */
    public static <T> T read(Context ctx, Class<T> type) {
        requireJson(ctx.contentType());
        long declared = ctx.contentLength();
        if (declared > MAX_BYTES) {
            throw tooLarge(declared);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw tooLarge(body.length);
        }
        String json = new String(body, StandardCharsets.UTF_8);
        if (json.isBlank()) {
            throw new ValidationException("request body: expected a JSON object, found nothing");
        }
        if (json.strip().equals("null")) {
            // Javalin's mapper would fail on it with a bare NullPointerException
            throw new ValidationException("request body: expected a JSON object, found null");
        }
        try {
            return ctx.jsonMapper().fromJsonString(json, type);
        } catch (Exception e) {
            // Jackson's exceptions arrive unchecked through Javalin; a body record's own check (a compact
            // constructor) failing is a validation problem, not a JSON one
            if (e instanceof ValueInstantiationException && e.getCause() instanceof TvarrException refused) {
                throw refused;
            }
            throw e;
        }
    }

    private static void requireJson(@Nullable String contentType) {
        String mediaType =
                contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(JSON)) {
            throw new HttpResponseException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Content-Type: expected " + JSON + ", found " + (mediaType.isEmpty() ? "none" : mediaType));
        }
    }

    private static HttpResponseException tooLarge(long bytes) {
        return new HttpResponseException(
                HttpStatus.CONTENT_TOO_LARGE.getCode(),
                "request body: " + bytes + " bytes exceed the limit of " + MAX_BYTES + " for JSON");
    }
}
