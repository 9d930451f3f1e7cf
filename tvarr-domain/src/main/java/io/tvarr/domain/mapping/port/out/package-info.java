/** Storage of mapping rules. */
@NullMarked
package io.tvarr.domain.mapping.port.out;

import org.jspecify.annotations.NullMarked;
