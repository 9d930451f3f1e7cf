/** Streaming M3U and XMLTV writers and the atomic publication of output files. */
@NullMarked
package io.tvarr.pipeline.output;

import org.jspecify.annotations.NullMarked;
