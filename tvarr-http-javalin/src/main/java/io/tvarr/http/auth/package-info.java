/**
 * Who may use the admin API and pages: the gate every request passes (API keys as bearer tokens, session cookies
 * with their CSRF token), the login, logout and first-start setup pages, and the API for sessions, API keys, admin
 * users and the audit trail. The players' doors are not gated here: each proxy's output access decides.
 */
@NullMarked
package io.tvarr.http.auth;

import org.jspecify.annotations.NullMarked;
