package io.tvarr.domain.admin;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import java.time.Instant;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person who may change tvarr's settings through the web pages or the API. The password is only ever held as
 * the hash a {@link io.tvarr.domain.account.port.out.PasswordHasher} made.
 *
 * @param username unique; letters, digits, {@code . _ @ -}
 */
public record AdminUser(
        AdminUserId id, String username, String passwordHash, Instant createdAt, Instant passwordChangedAt) {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final int MIN_PASSWORD = 8;
    private static final int MAX_PASSWORD = 256;

    public AdminUser {
        Checks.requireNonNull(id, "id");
        username = requireUsername(username);
        passwordHash = Checks.requireText(passwordHash, "password_hash");
        Checks.requireNonNull(createdAt, "created_at");
        Checks.requireNonNull(passwordChangedAt, "password_changed_at");
    }

    public static String requireUsername(@Nullable String username) {
        String text = Checks.requireText(username, "username");
        if (!USERNAME.matcher(text).matches()) {
            throw new ValidationException(
                    "username: '" + text + "' (expected: 1-64 letters, digits, '.', '_', '@' or '-')");
        }
        return text;
    }

    /** Refuses passwords too short to resist guessing, and ones long enough to make hashing a denial of service. */
    public static String requirePassword(@Nullable String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new ValidationException("password: " + (password == null ? 0 : password.length())
                    + " characters (expected: " + MIN_PASSWORD + "-" + MAX_PASSWORD + ")");
        }
        if (password.isBlank()) {
            throw new ValidationException("password: only blanks (expected: " + MIN_PASSWORD + "-" + MAX_PASSWORD
                    + " characters, not all blank)");
        }
        return password;
    }

    public AdminUser withPasswordHash(String hash, Instant at) {
        return new AdminUser(id, username, hash, createdAt, at);
    }
}
