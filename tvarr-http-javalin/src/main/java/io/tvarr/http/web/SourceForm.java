package io.tvarr.http.web;

import io.javalin.http.Context;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the add/edit form of a source holds. Field names are the domain's, so a refusal ({@code "url: …"}) lands next
 * to its field. The password is never shown again: left empty on edit, the stored one stays.
 *
 * @param from where the source reads from: {@value #FROM_URL} (the url field) or {@value #FROM_FILE} (an upload)
 */
public record SourceForm(
        String name,
        String kind,
        String url,
        String username,
        String password,
        String userAgent,
        String schedule,
        String from) {
    static final String FROM_URL = "url";
    static final String FROM_FILE = "file";
    static final Set<String> FIELDS =
            Set.of("name", "kind", "url", "username", "password", "user_agent", "schedule", "file");

    static SourceForm empty(String kind) {
        return new SourceForm("", kind, "", "", "", "", "", FROM_URL);
    }

    /** The person chose to upload a file rather than give a URL. */
    public boolean uploads() {
        return FROM_FILE.equals(from);
    }

    SourceForm withUrl(String other) {
        return new SourceForm(name, kind, other, username, password, userAgent, schedule, from);
    }

    static SourceForm of(SourceEntry entry) {
        return new SourceForm(
                entry.name(),
                entry.kind(),
                entry.url(),
                orEmpty(entry.username()),
                "",
                orEmpty(entry.userAgent()),
                orEmpty(entry.schedule()),
                FROM_URL);
    }

    static SourceForm read(Context ctx) {
        return new SourceForm(
                field(ctx, "name"),
                field(ctx, "kind"),
                field(ctx, "url"),
                field(ctx, "username"),
                field(ctx, "password"),
                field(ctx, "user_agent"),
                field(ctx, "schedule"),
                FROM_FILE.equals(ctx.formParam("from")) ? FROM_FILE : FROM_URL);
    }

    /** Null for an empty field: the domain reads null as "none" (or "keep the stored one" for a password). */
    static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.trim();
    }

    private static String field(Context ctx, String name) {
        return orEmpty(ctx.formParam(name));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
