/** The logo files on disk. */
@NullMarked
package io.tvarr.pipeline.logo;

import org.jspecify.annotations.NullMarked;
