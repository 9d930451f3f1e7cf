/** Guide sources, guide channels and programmes. */
@NullMarked
package io.tvarr.domain.epg;

import org.jspecify.annotations.NullMarked;
