/** Streaming M3U playlist parsing and the M3U channel source. */
@NullMarked
package io.tvarr.ingest.m3u;

import org.jspecify.annotations.NullMarked;
