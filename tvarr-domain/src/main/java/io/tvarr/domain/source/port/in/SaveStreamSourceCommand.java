package io.tvarr.domain.source.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.XtreamOutput;
import org.jspecify.annotations.Nullable;

/**
 * What a user gives to create or change a channel source. On update, a url equal to the masked form of the
 * stored one, or a null/"***" password, keep the stored values (the API only ever shows them masked).
 */
public record SaveStreamSourceCommand(
        String name,
        SourceKind kind,
        String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule,
        int maxConcurrentStreams,
        XtreamOutput xtreamOutput,
        boolean includeVod) {
    public SaveStreamSourceCommand {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(kind, "kind");
        url = Checks.requireText(url, "url");
        username = Checks.blankToNull(username);
        Checks.requireNonNull(xtreamOutput, "xtream_output");
    }
}
