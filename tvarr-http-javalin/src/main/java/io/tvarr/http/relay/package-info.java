/** Relay observability. */
@NullMarked
package io.tvarr.http.relay;

import org.jspecify.annotations.NullMarked;
