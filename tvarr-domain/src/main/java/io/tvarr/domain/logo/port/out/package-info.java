/** Storage of logo metadata. */
@NullMarked
package io.tvarr.domain.logo.port.out;

import org.jspecify.annotations.NullMarked;
