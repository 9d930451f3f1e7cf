/** Channel numbering modes. */
@NullMarked
package io.tvarr.pipeline.stage.numbering;

import org.jspecify.annotations.NullMarked;
