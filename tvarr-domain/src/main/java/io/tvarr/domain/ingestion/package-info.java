/** What happens around ingestion that other features react to. */
@NullMarked
package io.tvarr.domain.ingestion;

import org.jspecify.annotations.NullMarked;
