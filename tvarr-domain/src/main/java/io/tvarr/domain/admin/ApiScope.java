package io.tvarr.domain.admin;

import io.tvarr.domain.ValidationException;
import java.util.Locale;

/** What an API key may do: {@code read} looks, {@code admin} also changes. */
public enum ApiScope {
    READ,
    ADMIN;

    /** Whether a holder of this scope may do what needs {@code needed}. */
    public boolean permits(ApiScope needed) {
        return this == ADMIN || needed == READ;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiScope parse(String text) {
        for (ApiScope scope : values()) {
            if (scope.wireName().equals(text)) {
                return scope;
            }
        }
        throw new ValidationException("scope: '" + text + "' (expected: read or admin)");
    }
}
