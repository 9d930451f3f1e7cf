/** Storage of output users and the password hashing they need. */
@NullMarked
package io.tvarr.domain.account.port.out;

import org.jspecify.annotations.NullMarked;
