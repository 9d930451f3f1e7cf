/** Use cases for data-mapping rules. */
@NullMarked
package io.tvarr.domain.mapping.port.in;

import org.jspecify.annotations.NullMarked;
