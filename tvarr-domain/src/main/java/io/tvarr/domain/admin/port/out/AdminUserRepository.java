package io.tvarr.domain.admin.port.out;

import io.tvarr.domain.admin.AdminUser;
import io.tvarr.domain.admin.AdminUserId;
import java.util.List;
import java.util.Optional;

/** Stores admin users; deleting one deletes its sessions. */
public interface AdminUserRepository {
    /** @throws io.tvarr.domain.ConflictException when the username is taken (compared without case) */
    void insert(AdminUser user);

    /** The user with this username, compared without case. */
    Optional<AdminUser> findByUsername(String username);

    Optional<AdminUser> findById(AdminUserId id);

    /** Whether the user was there to update. */
    boolean update(AdminUser user);

    /** Whether the user was there to delete. */
    boolean delete(AdminUserId id);

    /** All users by username. */
    List<AdminUser> findAll();

    long count();
}
