package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.admin.Actor;
import java.util.Optional;

/** Tells who a bearer token belongs to. */
public interface AuthenticateApiKeyUseCase {
    /** The key's actor, with its scope; empty for a malformed, unknown or revoked key. */
    Optional<Actor> authenticate(String token);
}
