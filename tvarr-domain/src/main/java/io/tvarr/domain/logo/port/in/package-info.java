/** Use cases for cached logos. */
@NullMarked
package io.tvarr.domain.logo.port.in;

import org.jspecify.annotations.NullMarked;
