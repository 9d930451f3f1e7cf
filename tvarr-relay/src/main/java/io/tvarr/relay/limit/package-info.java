/** Provider connection limits and per-host circuit breakers. */
@NullMarked
package io.tvarr.relay.limit;

import org.jspecify.annotations.NullMarked;
