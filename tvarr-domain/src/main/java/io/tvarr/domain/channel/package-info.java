/** Channels as ingested from a source. */
@NullMarked
package io.tvarr.domain.channel;

import org.jspecify.annotations.NullMarked;
