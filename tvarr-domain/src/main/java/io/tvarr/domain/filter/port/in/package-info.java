/** Use cases for filters and for checking expressions. */
@NullMarked
package io.tvarr.domain.filter.port.in;

import org.jspecify.annotations.NullMarked;
