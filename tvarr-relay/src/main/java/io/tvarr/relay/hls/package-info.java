/** Collapsing HLS upstreams into one continuous MPEG-TS stream. */
@NullMarked
package io.tvarr.relay.hls;

import org.jspecify.annotations.NullMarked;
