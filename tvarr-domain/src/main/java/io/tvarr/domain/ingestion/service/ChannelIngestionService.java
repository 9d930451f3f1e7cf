package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.channel.StableChannelIds;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.ingestion.IngestionOutcome;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.out.ChannelSourceHandler;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import io.tvarr.domain.vod.port.out.VodRepository;
import io.tvarr.domain.vod.port.out.VodSourceHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Refreshes channel sources: the handler streams channels into a spool while the ids the stored channels hand on are
 * read beside it ({@link StoredIdsRead}), then the spool goes into an atomic replace of the source's channels (a
 * local file skips the spool: it is read beside the replace, straight into it, {@link ChannelHandoff}); then,
 * for a source that asks for movies or series, the on-demand handler of its kind streams them into a spool and an
 * atomic replace of its stored VOD. The channels come first since their read checks the
 * account; a failure reading VOD fails the ingestion with the channels already refreshed and the VOD as it was.
 */
public final class ChannelIngestionService extends SourceIngestion<SourceId, StreamSource> {
    /** Where VOD is stored and the handlers that read it (Xtream only). */
    public record OnDemand(VodRepository store, List<VodSourceHandler> handlers) {
        public OnDemand {
            handlers = List.copyOf(handlers);
        }
    }

    private final ChannelRepository channels;
    private final HandlersByKind<SourceKind, ChannelSourceHandler> handlers;
    private final @Nullable VodRepository vod;
    private final HandlersByKind<SourceKind, VodSourceHandler> vodHandlers;

    /** A service that reads channels only: the sources' VOD switches do nothing (tools, tests). */
    public ChannelIngestionService(
            StreamSourceRepository sources,
            ChannelRepository channels,
            List<ChannelSourceHandler> handlers,
            ExclusiveIngestions ingestions) {
        this(sources, channels, handlers, null, ingestions);
    }

    public ChannelIngestionService(
            StreamSourceRepository sources,
            ChannelRepository channels,
            List<ChannelSourceHandler> handlers,
            @Nullable OnDemand onDemand,
            ExclusiveIngestions ingestions) {
        super(ingestions, IngestionTarget.ChannelSource::new, sources::findById);
        this.channels = channels;
        this.handlers = new HandlersByKind<>(SourceKind.class, handlers, ChannelSourceHandler::kind);
        this.vod = onDemand == null ? null : onDemand.store();
        this.vodHandlers = new HandlersByKind<>(
                SourceKind.class, onDemand == null ? List.of() : onDemand.handlers(), VodSourceHandler::kind);
    }

    @Override
    protected IngestionOutcome replace(StreamSource source, IngestionProgress progress, ReplaceGuard guard) {
        Map<String, String> facts = new LinkedHashMap<>();
        long count;
        try (StoredIdsRead stored = StoredIdsRead.start(() -> storedIds(source), "channel-ids-" + source.id())) {
            count = source.isLocalFile()
                    ? readIntoReplace(source, progress, guard, stored, facts)
                    : spoolThenReplace(source, progress, guard, stored, facts);
        }
        facts.putAll(onDemand(source, progress));
        return new IngestionOutcome(count, facts);
    }

    /** A remote source is read whole into a spool first: no write lock is held while it downloads. */
    private long spoolThenReplace(
            StreamSource source,
            IngestionProgress progress,
            ReplaceGuard guard,
            StoredIdsRead stored,
            Map<String, String> facts) {
        try (ChannelSpool spool = new ChannelSpool(spoolDirectory(), source.id())) {
            facts.putAll(handlers.forKind(source.kind()).ingest(source, spool, progress));
            StableChannelIds ids = stored.await();
            guard.beforeCommit(spool.count());
            // ids are handed on as the spool replays, in the order the handler gave the channels
            return channels.replaceAllForSource(
                    source.id(), sink -> spool.replayTo(channel -> sink.accept(ids.assign(channel))));
        }
    }

    /**
     * A local file is as fast to read as its spool would be, so it is read on a thread of its own straight into the
     * replace, the store taking each chunk as it comes (#19). The guard is asked inside the replace once the read
     * ended, and a failure of either side (the read's, the guard's, the store's) throws out of the replace, which
     * rolls back: the stored channels stay as they were.
     */
    private long readIntoReplace(
            StreamSource source,
            IngestionProgress progress,
            ReplaceGuard guard,
            StoredIdsRead stored,
            Map<String, String> facts) {
        ChannelSourceHandler handler = handlers.forKind(source.kind());
        try (ChannelHandoff read =
                ChannelHandoff.start(sink -> handler.ingest(source, sink, progress), "channel-read-" + source.id())) {
            StableChannelIds ids = stored.await();
            long count = channels.replaceAllForSource(source.id(), sink -> {
                guard.beforeCommit(read.drainTo(channel -> sink.accept(ids.assign(channel))));
            });
            facts.putAll(read.facts());
            return count;
        }
    }

    /**
     * The ids the stored channels hand on. Only M3U keys changed scheme (Xtream's are the panel's stream ids), so
     * only an M3U source's channels are read first.
     */
    private StableChannelIds storedIds(StreamSource source) {
        StableChannelIds ids = new StableChannelIds();
        if (source.kind() == SourceKind.M3U) {
            channels.forEachKeyBySource(source.id(), stored -> ids.remember(source.id(), stored));
        }
        return ids;
    }

    /** Replaces the source's VOD when it asks for some and its kind has any; the facts of that read. */
    private Map<String, String> onDemand(StreamSource source, IngestionProgress progress) {
        VodSourceHandler handler = vodHandlers.findForKind(source.kind());
        if (vod == null || handler == null || !(source.includeVod() || source.includeSeries())) {
            return Map.of();
        }
        Map<String, String> facts = new LinkedHashMap<>();
        try (VodSpool spool = new VodSpool(spoolDirectory(), source.id())) {
            facts.putAll(handler.ingest(source, spool, progress));
            facts.put("vod_items", Long.toString(vod.replaceAllForSource(source.id(), spool::replayTo)));
        }
        return facts;
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
