/** JDBI storage for the source feature. */
@NullMarked
package io.tvarr.persistence.source;

import org.jspecify.annotations.NullMarked;
