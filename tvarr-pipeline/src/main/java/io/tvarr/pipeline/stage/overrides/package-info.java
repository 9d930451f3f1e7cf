/** The per-proxy channel overrides the user set by hand, applied after the mapping rules. */
@NullMarked
package io.tvarr.pipeline.stage.overrides;

import org.jspecify.annotations.NullMarked;
