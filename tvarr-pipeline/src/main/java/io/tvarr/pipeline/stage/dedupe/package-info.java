/** Dropping channels whose stream URL is already in the output. */
@NullMarked
package io.tvarr.pipeline.stage.dedupe;

import org.jspecify.annotations.NullMarked;
