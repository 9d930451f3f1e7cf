/**
 * Who may administer tvarr: admin users (password logins with sessions for the web pages), API keys for programs,
 * the login throttle, and the audit trail of who changed what. Apart from output users, who only watch.
 */
@NullMarked
package io.tvarr.domain.admin;

import org.jspecify.annotations.NullMarked;
