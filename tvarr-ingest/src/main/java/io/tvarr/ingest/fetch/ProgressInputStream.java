package io.tvarr.ingest.fetch;

import io.tvarr.domain.ingestion.IngestionProgress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes a parser consumes to the ingestion's progress. */
public final class ProgressInputStream extends FilterInputStream {
    private final IngestionProgress progress;

    public ProgressInputStream(InputStream in, IngestionProgress progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            progress.addBytes(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            progress.addBytes(n);
        }
        return n;
    }
}
