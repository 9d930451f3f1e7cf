/** Use cases that refresh a source from its provider. */
@NullMarked
package io.tvarr.domain.ingestion.port.in;

import org.jspecify.annotations.NullMarked;
