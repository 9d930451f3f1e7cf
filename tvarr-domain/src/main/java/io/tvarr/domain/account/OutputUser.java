package io.tvarr.domain.account;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.ProxyId;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An account a player logs in with to watch one proxy (Xtream Codes {@code username}/{@code password}). Separate
 * from any admin login; the password is only ever held as a hash.
 *
 * @param username unique across all proxies, since Xtream URLs name no proxy; letters, digits, {@code . _ @ -}
 * @param passwordHash what the {@link io.tvarr.domain.account.port.out.PasswordHasher} made of the password
 * @param expiresAt when the account stops working; null for never
 * @param maxConnections how many streams the user may watch at once, 1-100
 */
public record OutputUser(
        OutputUserId id,
        ProxyId proxy,
        String username,
        String passwordHash,
        @Nullable Instant expiresAt,
        int maxConnections,
        Instant createdAt) {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    public OutputUser {
        Checks.requireNonNull(id, "id");
        Checks.requireNonNull(proxy, "proxy");
        username = requireUsername(username);
        passwordHash = Checks.requireText(passwordHash, "password_hash");
        Checks.requireRange(maxConnections, 1, 100, "max_connections");
        Checks.requireNonNull(createdAt, "created_at");
    }

    /** Checks a username as a player would send it, so a refused one never reaches storage. */
    public static String requireUsername(@Nullable String username) {
        String text = Checks.requireText(username, "username");
        if (!USERNAME.matcher(text).matches()) {
            throw new ValidationException(
                    "username: '" + text + "' (expected: 1-64 letters, digits, '.', '_', '@' or '-')");
        }
        return text;
    }

    /** Whether the account has run out at {@code now}. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
