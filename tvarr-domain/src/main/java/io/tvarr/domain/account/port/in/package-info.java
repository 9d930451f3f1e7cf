/** Managing output users and checking their logins. */
@NullMarked
package io.tvarr.domain.account.port.in;

import org.jspecify.annotations.NullMarked;
