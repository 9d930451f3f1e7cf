/** Downloading channel logos. */
@NullMarked
package io.tvarr.ingest.logo;

import org.jspecify.annotations.NullMarked;
