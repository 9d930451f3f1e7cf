/** Storage and ingestion ports for guides. */
@NullMarked
package io.tvarr.domain.epg.port.out;

import org.jspecify.annotations.NullMarked;
