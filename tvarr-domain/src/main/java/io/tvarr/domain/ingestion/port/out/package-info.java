/** Driven ports the ingestion use cases need. */
@NullMarked
package io.tvarr.domain.ingestion.port.out;

import org.jspecify.annotations.NullMarked;
