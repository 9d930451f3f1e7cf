package io.tvarr.domain.epg.port.out;

import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.ingestion.IngestionProgress;
import java.util.Map;

/** Reads one kind of guide source and streams its channels and programmes into a sink. Thread-safe. */
public interface EpgSourceHandler {
    EpgSourceKind kind();

    /**
     * Streams the whole guide (retention is applied by the caller), updating progress as it reads.
     *
     * @return facts worth showing with the status (may be empty)
     */
    Map<String, String> ingest(EpgSource source, EpgSink sink, IngestionProgress progress);
}
