package io.tvarr.http.auth;

import io.tvarr.domain.admin.port.in.AdminSessionsUseCase;
import io.tvarr.domain.admin.port.in.AuditTrailUseCase;
import io.tvarr.domain.admin.port.in.AuthenticateApiKeyUseCase;
import io.tvarr.domain.admin.port.in.FirstAdminSetupUseCase;
import io.tvarr.domain.admin.port.in.LogInAdminUseCase;
import io.tvarr.domain.admin.port.in.ManageAdminUsersUseCase;
import io.tvarr.domain.admin.port.in.ManageApiKeysUseCase;

/** The admin use cases the gate, the pages and the API need. */
public record AdminAccess(
        LogInAdminUseCase logins,
        AdminSessionsUseCase sessions,
        AuthenticateApiKeyUseCase keyAuthentication,
        ManageApiKeysUseCase keys,
        ManageAdminUsersUseCase users,
        FirstAdminSetupUseCase setup,
        AuditTrailUseCase audit) {}
