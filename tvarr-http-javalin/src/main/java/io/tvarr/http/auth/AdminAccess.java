package io.tvarr.http.auth;

import io.javalin.http.Context;
import io.tvarr.domain.admin.port.in.AdminSessionsUseCase;
import io.tvarr.domain.admin.port.in.AuditTrailUseCase;
import io.tvarr.domain.admin.port.in.AuthenticateApiKeyUseCase;
import io.tvarr.domain.admin.port.in.FirstAdminSetupUseCase;
import io.tvarr.domain.admin.port.in.LogInAdminUseCase;
import io.tvarr.domain.admin.port.in.ManageAdminUsersUseCase;
import io.tvarr.domain.admin.port.in.ManageApiKeysUseCase;
import io.tvarr.http.ClientAddresses;

/** The admin use cases the gate, the pages and the API need, and how they tell the caller's address. */
public record AdminAccess(
        LogInAdminUseCase logins,
        AdminSessionsUseCase sessions,
        AuthenticateApiKeyUseCase keyAuthentication,
        ManageApiKeysUseCase keys,
        ManageAdminUsersUseCase users,
        FirstAdminSetupUseCase setup,
        AuditTrailUseCase audit,
        ClientAddresses clients) {
    /** The caller's address as throttling and the audit trail record it (X-Forwarded-For from trusted proxies only). */
    String address(Context ctx) {
        return clients.of(ctx).getHostAddress();
    }
}
