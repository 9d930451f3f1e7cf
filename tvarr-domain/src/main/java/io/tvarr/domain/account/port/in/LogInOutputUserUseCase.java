package io.tvarr.domain.account.port.in;

/** Checks a player's username and password. */
public interface LogInOutputUserUseCase {
    /** Never throws for a wrong or unknown login: that is {@link Login.Refused}. Thread-safe. */
    Login logIn(String username, String password);
}
