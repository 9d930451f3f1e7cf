/** JDBI storage for the relay feature. */
@NullMarked
package io.tvarr.persistence.relay;

import org.jspecify.annotations.NullMarked;
