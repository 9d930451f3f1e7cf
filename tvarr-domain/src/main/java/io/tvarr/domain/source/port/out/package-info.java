/** Driven ports the source use cases need. */
@NullMarked
package io.tvarr.domain.source.port.out;

import org.jspecify.annotations.NullMarked;
