package io.tvarr.domain.source.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.ingestion.InputRefreshed;
import io.tvarr.domain.source.IngestionProgress;
import io.tvarr.domain.source.IngestionStatus;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.IngestSourceUseCase;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Refreshes channel sources: the handler streams channels into an atomic replace of the source's channels. */
public final class SourceIngestionService implements IngestSourceUseCase {
    private static final String WHAT = "stream source";

    private final StreamSourceRepository sources;
    private final ChannelRepository channels;
    private final Map<SourceKind, ChannelSourceHandler> handlers = new EnumMap<>(SourceKind.class);
    private final ExclusiveIngestions ingestions;

    public SourceIngestionService(
            StreamSourceRepository sources,
            ChannelRepository channels,
            List<ChannelSourceHandler> handlers,
            ExclusiveIngestions ingestions) {
        this.sources = sources;
        this.channels = channels;
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
        this.ingestions = ingestions;
    }

    @Override
    public IngestionStatus ingest(SourceId id) {
        StreamSource source = find(id);
        return ingestions.run(id.toString(), WHAT, progress -> replace(source, progress));
    }

    @Override
    public IngestionStatus start(SourceId id) {
        StreamSource source = find(id);
        return ingestions.start(id.toString(), WHAT, progress -> replace(source, progress));
    }

    @Override
    public IngestionStatus status(SourceId id) {
        find(id);
        return ingestions.status(id.toString());
    }

    private ExclusiveIngestions.Outcome replace(StreamSource source, IngestionProgress progress) {
        ChannelSourceHandler handler = handlers.get(source.kind());
        if (handler == null) {
            throw new ValidationException("kind: no handler for " + source.kind());
        }
        AtomicReference<Map<String, String>> facts = new AtomicReference<>(Map.of());
        long count =
                channels.replaceAllForSource(source.id(), sink -> facts.set(handler.ingest(source, sink, progress)));
        return new ExclusiveIngestions.Outcome(count, facts.get(), new InputRefreshed.ChannelSource(source.id()));
    }

    private StreamSource find(SourceId id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException(WHAT + " " + id + ": not found"));
    }
}
