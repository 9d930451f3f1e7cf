package io.tvarr.http.xtream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an answer with Jackson's streaming generator straight to the response, so a list is never built in
 * memory; a client that leaves mid-answer ends the write quietly.
 */
final class XtreamJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private XtreamJson() {}

    /** What is written to the generator. */
    @FunctionalInterface
    interface Body {
        void writeTo(JsonGenerator json) throws IOException;
    }

    static void write(Context ctx, Body body) {
        ctx.contentType("application/json; charset=utf-8");
        try (JsonGenerator json = FACTORY.createGenerator(ctx.outputStream(), JsonEncoding.UTF8)) {
            body.writeTo(json);
        } catch (IOException e) {
            if (ctx.res().isCommitted()) {
                return; // the player left mid-answer: nothing to tell it any more
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Panel-style local time; tvarr's panel time zone is UTC. */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
