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

    /**
     * A hash that no password is known to match, in this hasher's current parameters: logins with an unknown name
     * are checked against it, so they cost as long as a wrong password. Made once per service at start, so a
     * hasher may build it without running the hash (Argon2 would take its memory and time on every start).
     */
    default String decoyHash() {
        return hash("tvarr-decoy-password");
    }
}
