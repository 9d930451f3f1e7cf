package io.tvarr.app;

import io.tvarr.domain.SecretTokens;
import io.tvarr.domain.account.port.out.PasswordHasher;
import io.tvarr.domain.admin.AdminSettings;
import io.tvarr.domain.admin.service.AdminLoginService;
import io.tvarr.domain.admin.service.AdminUserService;
import io.tvarr.domain.admin.service.ApiKeyService;
import io.tvarr.domain.admin.service.AuditTrail;
import io.tvarr.domain.admin.service.FirstAdminSetup;
import io.tvarr.domain.admin.service.LoginThrottle;
import io.tvarr.persistence.JdbiPersistence;
import java.security.SecureRandom;
import java.time.Clock;

/** Who may administer tvarr: admin users, logins and sessions, API keys, first-start setup, the audit trail. */
final class AdminServices {
    final SecretTokens tokens;
    final AuditTrail audit;
    final AdminUserService users;
    final AdminLoginService logins;
    final ApiKeyService keys;
    final FirstAdminSetup setup;
    final AdminSettings settings;

    AdminServices(JdbiPersistence store, PasswordHasher hasher, AdminSettings settings, Clock clock) {
        this.settings = settings;
        this.tokens = new SecretTokens(new SecureRandom());
        this.audit = new AuditTrail(store.audit(), clock, settings);
        this.users = new AdminUserService(store.adminUsers(), store.adminSessions(), hasher, audit, clock);
        this.logins = new AdminLoginService(
                store.adminUsers(),
                store.adminSessions(),
                hasher,
                new LoginThrottle(clock, settings),
                tokens,
                audit,
                settings,
                clock);
        this.keys = new ApiKeyService(store.apiKeys(), tokens, audit, clock);
        this.setup = new FirstAdminSetup(users, tokens);
    }
}
