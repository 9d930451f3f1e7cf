/** Use cases of output access: reading and changing a proxy's access, authorizing a player's request. */
@NullMarked
package io.tvarr.domain.output.port.in;

import org.jspecify.annotations.NullMarked;
