/** Channel sources: M3U playlists and Xtream Codes accounts that tvarr ingests. */
@NullMarked
package io.tvarr.domain.source;

import org.jspecify.annotations.NullMarked;
