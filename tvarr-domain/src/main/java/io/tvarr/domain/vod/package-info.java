/**
 * Video on demand from Xtream sources: movies, series and their episodes, kept apart from live channels so that the
 * Xtream door can serve them as VOD and series.
 */
@NullMarked
package io.tvarr.domain.vod;

import org.jspecify.annotations.NullMarked;
