package io.tvarr.domain.account.port.out;

/**
 * Turns passwords into stored hashes and checks passwords against them. Implementations use a slow, salted
 * password hash from a maintained library; both methods are thread-safe and may take tens of milliseconds.
 */
public interface PasswordHasher {
    /** A self-describing hash (algorithm, parameters, salt) of {@code password}; never the password itself. */
    String hash(String password);

    /** Whether {@code password} is the one {@code hash} was made from; false for a hash it cannot read. */
    boolean matches(String password, String hash);
}
