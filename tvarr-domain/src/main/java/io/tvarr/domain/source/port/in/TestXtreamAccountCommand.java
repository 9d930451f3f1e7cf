package io.tvarr.domain.source.port.in;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.source.Credentials;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/** An Xtream server and login to try before saving them as a source; fields named as in the source form. */
public record TestXtreamAccountCommand(
        URI url, Credentials login, @Nullable String userAgent) {
    public static TestXtreamAccountCommand of(
            @Nullable String url, @Nullable String username, @Nullable String password, @Nullable String userAgent) {
        return new TestXtreamAccountCommand(
                Checks.requireFetchableUrl(url, "url"),
                new Credentials(Checks.requireText(username, "username"), Checks.requireText(password, "password")),
                Checks.blankToNull(userAgent));
    }

    @Override
    public String toString() {
        return "TestXtreamAccountCommand[url=" + Redaction.redactUrl(url.toString()) + ", login=" + login + "]";
    }
}
