/** JDBI storage for the ingestion feature: the last outcome of each source's ingestion. */
@NullMarked
package io.tvarr.persistence.ingestion;

import org.jspecify.annotations.NullMarked;
