package io.tvarr.domain.source.service;

import io.tvarr.domain.ConflictException;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.TvarrException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.source.IngestionProgress;
import io.tvarr.domain.source.IngestionStatus;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.IngestSourceUseCase;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.IngestionStatusRepository;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs channel ingestions: one per source at a time, channels replaced atomically, outcome recorded. Thread-safe.
 */
public final class SourceIngestionService implements IngestSourceUseCase {
    private static final Logger log = LoggerFactory.getLogger(SourceIngestionService.class);

    private final StreamSourceRepository sources;
    private final ChannelRepository channels;
    private final IngestionStatusRepository statuses;
    private final Map<SourceKind, ChannelSourceHandler> handlers = new EnumMap<>(SourceKind.class);
    private final Executor executor;
    private final Clock clock;
    private final Map<SourceId, IngestionProgress> running = new ConcurrentHashMap<>();

    public SourceIngestionService(
            StreamSourceRepository sources,
            ChannelRepository channels,
            IngestionStatusRepository statuses,
            List<ChannelSourceHandler> handlers,
            Executor executor,
            Clock clock) {
        this.sources = sources;
        this.channels = channels;
        this.statuses = statuses;
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
        this.executor = executor;
        this.clock = clock;
    }

    @Override
    public IngestionStatus ingest(SourceId id) {
        StreamSource source = find(id);
        IngestionProgress progress = claim(id);
        return run(source, progress);
    }

    @Override
    public IngestionStatus start(SourceId id) {
        StreamSource source = find(id);
        IngestionProgress progress = claim(id);
        IngestionStatus starting = stored(id).running(progress);
        try {
            executor.execute(() -> {
                try {
                    run(source, progress);
                } catch (TvarrException e) {
                    // already recorded in the status and logged by run()
                }
            });
        } catch (RuntimeException e) {
            running.remove(id);
            throw e;
        }
        return starting;
    }

    @Override
    public IngestionStatus status(SourceId id) {
        find(id);
        IngestionProgress progress = running.get(id);
        IngestionStatus last = stored(id);
        return progress == null ? last : last.running(progress);
    }

    private IngestionStatus run(StreamSource source, IngestionProgress progress) {
        SourceId id = source.id();
        Instant started = clock.instant();
        try {
            ChannelSourceHandler handler = handlers.get(source.kind());
            if (handler == null) {
                throw new ValidationException("kind: no handler for " + source.kind());
            }
            AtomicReference<Map<String, String>> facts = new AtomicReference<>(Map.of());
            long count = channels.replaceAllForSource(id, sink -> facts.set(handler.ingest(source, sink, progress)));
            Instant finished = clock.instant();
            long ms = Duration.between(started, finished).toMillis();
            IngestionStatus done = stored(id).succeeded(finished, count, ms, progress.skipped(), facts.get());
            statuses.save(done);
            log.info(
                    "source ingested source_id={} channels={} skipped={} bytes={} duration_ms={}",
                    id,
                    count,
                    progress.skipped(),
                    progress.bytes(),
                    ms);
            return done;
        } catch (TvarrException e) {
            statuses.save(stored(id).failed(clock.instant(), e.getMessage()));
            log.warn("source ingestion failed source_id={} reason={}", id, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            statuses.save(stored(id).failed(clock.instant(), "unexpected failure: " + e));
            log.error("source ingestion failed source_id={}", id, e);
            throw e;
        } finally {
            running.remove(id);
        }
    }

    private IngestionProgress claim(SourceId id) {
        IngestionProgress progress = new IngestionProgress();
        if (running.putIfAbsent(id, progress) != null) {
            throw new ConflictException("stream source " + id + ": an ingestion is already running");
        }
        return progress;
    }

    private StreamSource find(SourceId id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException("stream source " + id + ": not found"));
    }

    private IngestionStatus stored(SourceId id) {
        return statuses.find(id.toString()).orElseGet(() -> IngestionStatus.idle(id.toString()));
    }
}
