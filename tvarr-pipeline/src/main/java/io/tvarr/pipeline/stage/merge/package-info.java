/** Merging the same channel from several sources or accounts into one output channel, for failover. */
@NullMarked
package io.tvarr.pipeline.stage.merge;

import org.jspecify.annotations.NullMarked;
