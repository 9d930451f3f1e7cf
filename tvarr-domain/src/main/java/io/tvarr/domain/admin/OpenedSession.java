package io.tvarr.domain.admin;

/** A session just opened, with the token for the browser's cookie (stored nowhere else). */
public record OpenedSession(AdminSession session, String token) {
    @Override
    public String toString() {
        return "OpenedSession[user=" + session.username() + ", token=***]";
    }
}
