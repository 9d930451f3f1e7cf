package io.tvarr.domain.epg.port.in;

import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.source.IngestionStatus;

/** Refreshes a guide: one ingestion per source at a time; a failure leaves the stored guide untouched. */
public interface IngestEpgSourceUseCase {
    IngestionStatus ingest(EpgSourceId id);

    IngestionStatus start(EpgSourceId id);

    IngestionStatus status(EpgSourceId id);
}
