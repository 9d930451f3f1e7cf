package io.tvarr.ingest.fetch;

import io.tvarr.domain.ingestion.IngestionProgress;
import java.io.InputStream;

/** Reports the bytes a parser consumes to the ingestion's progress. */
public final class ProgressInputStream {
    private ProgressInputStream() {}

    public static InputStream of(InputStream in, IngestionProgress progress) {
        return new CountingInputStream(in, (bytes, total) -> progress.addBytes(bytes));
    }
}
