/** Movies, series and episodes of Xtream sources in tables {@code vod_movie}, {@code vod_series}, {@code vod_episode}. */
@NullMarked
package io.tvarr.persistence.vod;

import org.jspecify.annotations.NullMarked;
