package io.tvarr.domain.ingestion.port.in;

import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;

/** The state of any source's ingestion, channel source or guide alike: running progress or the last outcome. */
public interface ReadIngestionStatusUseCase {
    IngestionStatus status(IngestionTarget target);
}
