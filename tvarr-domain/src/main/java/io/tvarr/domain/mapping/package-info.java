/** Data-mapping rules written in the expression language. */
@NullMarked
package io.tvarr.domain.mapping;

import org.jspecify.annotations.NullMarked;
