package io.tvarr.domain.source.port.out;

import io.tvarr.domain.channel.ChannelSink;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import java.util.Map;

/** Reads one kind of channel source and streams its channels into a sink. Thread-safe. */
public interface ChannelSourceHandler {
    SourceKind kind();

    /**
     * Streams every channel of the source into the sink, updating progress as it reads.
     *
     * @return provider facts worth showing with the status (may be empty)
     */
    Map<String, String> ingest(StreamSource source, ChannelSink sink, IngestionProgress progress);
}
