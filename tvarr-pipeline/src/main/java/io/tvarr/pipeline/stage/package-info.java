/** The stage contract, what flows through it, and the meter that runs and times a sequence of stages. */
@NullMarked
package io.tvarr.pipeline.stage;

import org.jspecify.annotations.NullMarked;
