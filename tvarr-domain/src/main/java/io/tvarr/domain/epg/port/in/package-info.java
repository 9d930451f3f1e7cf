/** Use cases for guide sources and programmes. */
@NullMarked
package io.tvarr.domain.epg.port.in;

import org.jspecify.annotations.NullMarked;
