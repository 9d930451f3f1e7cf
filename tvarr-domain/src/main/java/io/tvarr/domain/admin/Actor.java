package io.tvarr.domain.admin;

import io.tvarr.domain.Checks;

/**
 * Who is acting, as the audit trail names them and as access checks see them.
 *
 * @param name the username, the key's name, or what the system part is ("cli", "setup")
 */
public record Actor(Kind kind, String name, ApiScope scope) {
    public enum Kind {
        USER,
        API_KEY,
        /** The command line, first-start setup, or every caller when authentication is disabled. */
        SYSTEM
    }

    public Actor {
        Checks.requireNonNull(kind, "kind");
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(scope, "scope");
    }

    public static Actor user(String username) {
        return new Actor(Kind.USER, username, ApiScope.ADMIN);
    }

    public static Actor system(String what) {
        return new Actor(Kind.SYSTEM, what, ApiScope.ADMIN);
    }

    /** How the audit trail shows the actor: {@code user:alice}, {@code key:backup script}, {@code system:cli}. */
    public String label() {
        return switch (kind) {
            case USER -> "user:" + name;
            case API_KEY -> "key:" + name;
            case SYSTEM -> "system:" + name;
        };
    }
}
