/** Cached channel logos. */
@NullMarked
package io.tvarr.domain.logo;

import org.jspecify.annotations.NullMarked;
