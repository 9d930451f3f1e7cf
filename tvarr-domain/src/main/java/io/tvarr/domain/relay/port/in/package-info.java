/** Use cases for playing channels. */
@NullMarked
package io.tvarr.domain.relay.port.in;

import org.jspecify.annotations.NullMarked;
