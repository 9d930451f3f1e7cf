/** Relay profiles, codec probes and the FFmpeg port. */
@NullMarked
package io.tvarr.domain.relay;

import org.jspecify.annotations.NullMarked;
