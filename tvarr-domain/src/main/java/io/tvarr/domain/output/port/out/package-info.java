/** Storage of output access. */
@NullMarked
package io.tvarr.domain.output.port.out;

import org.jspecify.annotations.NullMarked;
