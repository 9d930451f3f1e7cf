/** Fetching sources over http(s) and from allowed directories. */
@NullMarked
package io.tvarr.ingest.fetch;

import org.jspecify.annotations.NullMarked;
