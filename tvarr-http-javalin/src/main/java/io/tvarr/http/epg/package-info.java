/** REST API for guide sources, their ingestion and stored programmes. */
@NullMarked
package io.tvarr.http.epg;

import org.jspecify.annotations.NullMarked;
