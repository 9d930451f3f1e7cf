package io.tvarr.domain.admin.port.in;

/** Opens a session for an admin user whose password matches, unless guessing is being held off. */
public interface LogInAdminUseCase {
    AdminLogin logIn(LoginAttempt attempt);
}
