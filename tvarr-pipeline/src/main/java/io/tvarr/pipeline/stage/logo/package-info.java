/** Rewriting channel logos to their cached copies. */
@NullMarked
package io.tvarr.pipeline.stage.logo;

import org.jspecify.annotations.NullMarked;
