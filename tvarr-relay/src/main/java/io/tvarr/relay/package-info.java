/** The stream relay. */
@NullMarked
package io.tvarr.relay;

import org.jspecify.annotations.NullMarked;
