/** A proxy's filters and mapping rules, compiled. */
@NullMarked
package io.tvarr.pipeline.stage.rules;

import org.jspecify.annotations.NullMarked;
