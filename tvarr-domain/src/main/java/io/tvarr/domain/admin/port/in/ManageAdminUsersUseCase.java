package io.tvarr.domain.admin.port.in;

import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminUser;
import java.util.List;

/** Adds, re-passwords, lists and removes admin users. */
public interface ManageAdminUsersUseCase {
    /**
     * @throws io.tvarr.domain.ValidationException for a bad username or a password out of bounds
     * @throws io.tvarr.domain.ConflictException when the username is taken
     */
    AdminUser add(String username, String password, Actor actor);

    /**
     * Sets a new password and ends the user's sessions.
     *
     * @throws io.tvarr.domain.NotFoundException for an unknown username
     */
    AdminUser changePassword(String username, String password, Actor actor);

    /**
     * @throws io.tvarr.domain.NotFoundException for an unknown username
     * @throws io.tvarr.domain.ConflictException when it is the last admin user, who could not be replaced but by
     *     the command line
     */
    void remove(String username, Actor actor);

    List<AdminUser> list();

    boolean anyExists();
}
