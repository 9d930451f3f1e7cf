/**
 * Admin access in tables {@code admin_user}, {@code api_key}, {@code admin_session} and {@code audit_entry}: only
 * hashes and digests of secrets, never the secrets.
 */
@NullMarked
package io.tvarr.persistence.admin;

import org.jspecify.annotations.NullMarked;
