/** JDBI storage for the filter feature. */
@NullMarked
package io.tvarr.persistence.filter;

import org.jspecify.annotations.NullMarked;
