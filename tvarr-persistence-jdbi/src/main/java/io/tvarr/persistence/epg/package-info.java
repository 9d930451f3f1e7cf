/** JDBI storage for the epg feature. */
@NullMarked
package io.tvarr.persistence.epg;

import org.jspecify.annotations.NullMarked;
