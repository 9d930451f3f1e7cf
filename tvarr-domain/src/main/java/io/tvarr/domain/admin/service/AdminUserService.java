package io.tvarr.domain.admin.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.account.port.out.PasswordHasher;
import io.tvarr.domain.admin.Actor;
import io.tvarr.domain.admin.AdminUser;
import io.tvarr.domain.admin.AdminUserId;
import io.tvarr.domain.admin.port.in.AuditTrailUseCase;
import io.tvarr.domain.admin.port.in.ManageAdminUsersUseCase;
import io.tvarr.domain.admin.port.out.AdminSessionRepository;
import io.tvarr.domain.admin.port.out.AdminUserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Admin users over their repository and the password hasher; every change goes to the audit trail. */
public final class AdminUserService implements ManageAdminUsersUseCase {
    private static final Logger log = LoggerFactory.getLogger(AdminUserService.class);

    private final AdminUserRepository users;
    private final AdminSessionRepository sessions;
    private final PasswordHasher hasher;
    private final AuditTrailUseCase audit;
    private final Clock clock;

    public AdminUserService(
            AdminUserRepository users,
            AdminSessionRepository sessions,
            PasswordHasher hasher,
            AuditTrailUseCase audit,
            Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public AdminUser add(String username, String password, Actor actor) {
        String name = AdminUser.requireUsername(username);
        AdminUser.requirePassword(password);
        if (users.findByUsername(name).isPresent()) {
            throw new ConflictException("username: '" + name + "' is taken");
        }
        Instant now = clock.instant();
        AdminUser user = new AdminUser(AdminUserId.random(), name, hasher.hash(password), now, now);
        users.insert(user);
        audit.record(actor, "admin user added", name, "ok", null);
        log.info("admin user added username={} by={}", name, actor.label());
        return user;
    }

    @Override
    public AdminUser changePassword(String username, String password, Actor actor) {
        AdminUser.requirePassword(password);
        AdminUser user = existing(username);
        AdminUser changed = user.withPasswordHash(hasher.hash(password), clock.instant());
        users.update(changed);
        // whoever knew the old password may hold a session made with it
        sessions.deleteByUser(user.id(), null);
        audit.record(actor, "admin password changed", user.username(), "ok", null);
        log.info("admin password changed username={} by={}", user.username(), actor.label());
        return changed;
    }

    @Override
    public void remove(String username, Actor actor) {
        AdminUser user = existing(username);
        if (users.count() <= 1) {
            throw new ConflictException(
                    "admin user '" + user.username() + "': the last admin user cannot be removed (add another first)");
        }
        users.delete(user.id());
        audit.record(actor, "admin user removed", user.username(), "ok", null);
        log.info("admin user removed username={} by={}", user.username(), actor.label());
    }

    @Override
    public List<AdminUser> list() {
        return users.findAll();
    }

    @Override
    public boolean anyExists() {
        return users.count() > 0;
    }

    private AdminUser existing(String username) {
        return users.findByUsername(username)
                .orElseThrow(() -> new NotFoundException("admin user '" + username + "': not found"));
    }
}
