package io.tvarr.domain.admin;

import io.tvarr.domain.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A key a program sends as {@code Authorization: Bearer}. Only a digest of its secret is kept: the full key is shown
 * once, when it is made.
 *
 * @param secretDigest SHA-256 of the secret part; keys are long random strings, so a fast digest is as safe as a
 *     slow password hash and keeps every request cheap
 * @param createdBy who made it, as the audit trail names actors
 */
public record ApiKey(
        ApiKeyId id,
        String name,
        ApiScope scope,
        String secretDigest,
        String createdBy,
        Instant createdAt,
        @Nullable Instant lastUsedAt) {
    public ApiKey {
        Checks.requireNonNull(id, "id");
        name = Checks.requireText(Checks.requireOneLine(Checks.requireMaxLength(name, 100, "name"), "name"), "name");
        Checks.requireNonNull(scope, "scope");
        secretDigest = Checks.requireText(secretDigest, "secret_digest");
        createdBy = Checks.requireText(createdBy, "created_by");
        Checks.requireNonNull(createdAt, "created_at");
    }
}
