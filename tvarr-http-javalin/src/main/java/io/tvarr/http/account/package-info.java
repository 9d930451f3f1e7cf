/** Output users of a proxy: {@code /api/v1/proxies/{id}/users}. */
@NullMarked
package io.tvarr.http.account;

import org.jspecify.annotations.NullMarked;
