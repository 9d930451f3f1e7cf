package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.admin.AdminUser;
import org.jspecify.annotations.Nullable;

/**
 * Makes sure a fresh install gets its first admin user, from a configured password or through a one-time setup
 * link, and never lets anyone else make one.
 */
public interface FirstAdminSetupUseCase {
    /**
     * At start: does nothing when an admin user exists; else makes {@code username} with {@code password} when one
     * is given, or issues a one-time setup token.
     */
    SetupState start(String username, @Nullable String password);

    /** Whether a setup token is waiting to be used. */
    boolean awaitingSetup();

    /**
     * Makes the first admin user, once.
     *
     * @throws io.tvarr.domain.NotFoundException when the token is wrong or already used (404 hides that setup is
     *     open)
     */
    AdminUser complete(String token, String username, String password);
}
