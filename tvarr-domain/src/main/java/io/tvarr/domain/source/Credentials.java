package io.tvarr.domain.source;

import io.tvarr.domain.Checks;

/** A provider login. {@link #toString()} never shows the password. */
public record Credentials(String username, String password) {
    public Credentials {
        username = Checks.requireText(username, "username");
        password = Checks.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
