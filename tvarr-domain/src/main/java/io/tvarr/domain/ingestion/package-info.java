/** Ingestion of channel and guide sources alike: typed targets, live progress and the recorded outcome. */
@NullMarked
package io.tvarr.domain.ingestion;

import org.jspecify.annotations.NullMarked;
