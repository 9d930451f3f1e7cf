package io.tvarr.domain.source;

import io.tvarr.domain.Checks;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.ValidationException;
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
        if (stored != null && given.contains(MASK)) {
            // which secret each mask stood for is not known once the URL changed; storing "***" would break the source
            throw new ValidationException(
                    "url: '" + Redaction.redactUrl(given) + "' changes the stored URL but still holds a masked " + MASK
                            + " secret (expected: the whole URL with its secrets, or the URL as shown, unchanged)");
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
