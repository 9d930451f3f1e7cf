/** Ports to FFmpeg, hardware detection and relay storage. */
@NullMarked
package io.tvarr.domain.relay.port.out;

import org.jspecify.annotations.NullMarked;
