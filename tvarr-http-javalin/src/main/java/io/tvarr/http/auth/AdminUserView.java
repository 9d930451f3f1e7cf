package io.tvarr.http.auth;

import io.tvarr.domain.admin.AdminUser;
import java.time.Instant;

/** An admin user as the API shows it: never the password hash. */
record AdminUserView(String id, String username, Instant createdAt, Instant passwordChangedAt) {
    static AdminUserView of(AdminUser user) {
        return new AdminUserView(user.id().toString(), user.username(), user.createdAt(), user.passwordChangedAt());
    }
}
