package io.tvarr.domain.admin.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminUser;
import io.tvarr.domain.admin.port.in.FirstAdminSetupUseCase;
import io.tvarr.domain.admin.port.in.ManageAdminUsersUseCase;
import io.tvarr.domain.admin.port.in.SetupState;
import org.jspecify.annotations.Nullable;

/**
 * First start: the configured password makes the first admin user; without one, a one-time token (held only in
 * memory, as a digest) lets whoever has the console's setup link make it. Once a user exists the token is gone.
 */
public final class FirstAdminSetup implements FirstAdminSetupUseCase {
    private final ManageAdminUsersUseCase users;
    private final SecretTokens tokens;
    private @Nullable String tokenDigest;

    public FirstAdminSetup(ManageAdminUsersUseCase users, SecretTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @Override
    public synchronized SetupState start(String username, @Nullable String password) {
        if (users.anyExists()) {
            tokenDigest = null;
            return new SetupState.Done();
        }
        if (password != null && !password.isEmpty()) {
            try {
                AdminUser user = users.add(username, password, Actor.system("setup"));
                return new SetupState.CreatedFromPassword(user.username());
            } catch (ConflictException e) {
                // instances started together on one database all saw no user; the first insert made the admin
                tokenDigest = null;
                return new SetupState.Done();
            }
        }
        String token = tokens.next();
        tokenDigest = SecretTokens.digest(token);
        return new SetupState.AwaitingSetup(token);
    }

    @Override
    public synchronized boolean awaitingSetup() {
        return tokenDigest != null;
    }

    @Override
    public synchronized AdminUser complete(String token, String username, String password) {
        if (tokenDigest == null || !SecretTokens.same(tokenDigest, SecretTokens.digest(token))) {
            throw new NotFoundException("setup link: not valid (it is used once, and only while no admin user exists)");
        }
        if (users.anyExists()) {
            // made meanwhile from the command line
            tokenDigest = null;
            throw new NotFoundException("setup link: not valid (an admin user exists)");
        }
        AdminUser user = users.add(username, password, Actor.system("setup"));
        tokenDigest = null;
        return user;
    }
}
