package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.admin.AdminSession;
import java.util.Optional;

/** Finds the session a browser's cookie names, and ends it. */
public interface AdminSessionsUseCase {
    /** The live session for the cookie's token, its idle expiry pushed back; empty for unknown or expired. */
    Optional<AdminSession> resume(String token);

    /** Ends the session; nothing happens for an unknown token. */
    void logOut(String token);
}
