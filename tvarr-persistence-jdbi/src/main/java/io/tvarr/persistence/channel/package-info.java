/** JDBI storage for the channel feature. */
@NullMarked
package io.tvarr.persistence.channel;

import org.jspecify.annotations.NullMarked;
