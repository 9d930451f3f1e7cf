/** Storage of filters. */
@NullMarked
package io.tvarr.domain.filter.port.out;

import org.jspecify.annotations.NullMarked;
