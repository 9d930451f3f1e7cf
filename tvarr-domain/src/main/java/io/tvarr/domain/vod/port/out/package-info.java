/** Where ingested movies, series and episodes are stored. */
@NullMarked
package io.tvarr.domain.vod.port.out;

import org.jspecify.annotations.NullMarked;
