/** Xtream Codes player API channel source. */
@NullMarked
package io.tvarr.ingest.xtream;

import org.jspecify.annotations.NullMarked;
