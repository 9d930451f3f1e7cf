/** Background jobs: ingestion, generation, cleanup. */
@NullMarked
package io.tvarr.domain.job;

import org.jspecify.annotations.NullMarked;
