/** The exclusive ingestion runner and the ingestion services of channel and guide sources. */
@NullMarked
package io.tvarr.domain.ingestion.service;

import org.jspecify.annotations.NullMarked;
