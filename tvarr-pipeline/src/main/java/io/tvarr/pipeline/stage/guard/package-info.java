/** Waiting for running ingestions before a generation. */
@NullMarked
package io.tvarr.pipeline.stage.guard;

import org.jspecify.annotations.NullMarked;
