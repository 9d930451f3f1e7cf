package io.tvarr.domain.source;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The API only ever shows secrets masked, so an update that sends the masked form back means "keep what is
 * stored": a URL equal to the redacted stored URL, or a password that is absent or "***".
 */
public final class MaskedSecrets {
    public static final String MASK = "***";

    private MaskedSecrets() {}

    public static URI url(String given, @Nullable URI stored) {
        if (stored != null && given.equals(Redaction.redactUrl(stored.toString()))) {
            return stored;
        }
        return Checks.requireFetchableUrl(given, "url");
    }

    public static @Nullable Credentials credentials(
            @Nullable String username, @Nullable String password, @Nullable Credentials stored) {
        if (username == null) {
            return null;
        }
        String kept = password;
        if ((kept == null || kept.equals(MASK)) && stored != null) {
            kept = stored.password();
        }
        return new Credentials(username, kept == null ? "" : kept);
    }
}
