/** Matching output channels to guide channels. */
@NullMarked
package io.tvarr.pipeline.stage.epg;

import org.jspecify.annotations.NullMarked;
