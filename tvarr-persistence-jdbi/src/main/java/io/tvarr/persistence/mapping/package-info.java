/** JDBI storage for the mapping feature. */
@NullMarked
package io.tvarr.persistence.mapping;

import org.jspecify.annotations.NullMarked;
