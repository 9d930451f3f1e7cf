/** REST API for channel sources, their ingestion and their channels. */
@NullMarked
package io.tvarr.http.source;

import org.jspecify.annotations.NullMarked;
