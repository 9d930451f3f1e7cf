package io.tvarr.domain.vod.port.out;

import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.vod.VodSink;
import java.util.Map;

/** Reads what a channel source offers on demand (movies, series and their episodes), one item at a time. */
public interface VodSourceHandler {
    SourceKind kind();

    /**
     * Streams the source's movies (when it {@linkplain StreamSource#includeVod() includes VOD}) and its series with
     * their episodes (when it {@linkplain StreamSource#includeSeries() includes series}) into the sink, on the
     * caller's thread. Items it cannot read are counted as skipped in {@code progress}, not fatal.
     *
     * @return facts about what was read, for the ingestion status
     * @throws io.tvarr.domain.UpstreamException when the panel cannot be read at all
     */
    Map<String, String> ingest(StreamSource source, VodSink sink, IngestionProgress progress);
}
