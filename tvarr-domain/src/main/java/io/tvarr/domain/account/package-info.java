/** Output users: the accounts players log in with to a proxy's Xtream Codes door, apart from any admin login. */
@NullMarked
package io.tvarr.domain.account;

import org.jspecify.annotations.NullMarked;
