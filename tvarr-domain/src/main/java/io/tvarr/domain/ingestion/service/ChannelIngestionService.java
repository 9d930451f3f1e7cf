package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.ingestion.IngestionOutcome;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Refreshes channel sources: the handler streams channels into an atomic replace of the source's channels. */
public final class ChannelIngestionService extends SourceIngestion<SourceId, StreamSource> {
    private final ChannelRepository channels;
    private final HandlersByKind<SourceKind, ChannelSourceHandler> handlers;

    public ChannelIngestionService(
            StreamSourceRepository sources,
            ChannelRepository channels,
            List<ChannelSourceHandler> handlers,
            ExclusiveIngestions ingestions) {
        super(ingestions, IngestionTarget.ChannelSource::new, sources::findById);
        this.channels = channels;
        this.handlers = new HandlersByKind<>(SourceKind.class, handlers, ChannelSourceHandler::kind);
    }

    @Override
    protected IngestionOutcome replace(StreamSource source, IngestionProgress progress, ReplaceGuard guard) {
        ChannelSourceHandler handler = handlers.forKind(source.kind());
        AtomicReference<Map<String, String>> facts = new AtomicReference<>(Map.of());
        long count = channels.replaceAllForSource(source.id(), sink -> {
            long[] yielded = new long[1];
            facts.set(handler.ingest(
                    source,
                    channel -> {
                        yielded[0]++;
                        sink.accept(channel);
                    },
                    progress));
            guard.beforeCommit(yielded[0]);
        });
        return new IngestionOutcome(count, facts.get());
    }

    @Override
    protected long storedCount(StreamSource source) {
        return channels.countBySource(source.id());
    }

    @Override
    protected String unit() {
        return "channels";
    }
}
