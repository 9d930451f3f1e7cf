package io.tvarr.domain.ingestion.service;

import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.RetainedProgrammes;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceHandler;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.ingestion.IngestionOutcome;
import io.tvarr.domain.ingestion.IngestionProgress;
import io.tvarr.domain.ingestion.IngestionTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refreshes guides: the handler streams the guide through the retention window into a spool, which then goes into an
 * atomic replace of the source's guide, so a failed refresh leaves the stored guide untouched. A guide in a local file
 * skips the spool: it is parsed inside the replace, which rolls back just the same when it fails.
 */
public final class GuideIngestionService extends SourceIngestion<EpgSourceId, EpgSource> {
    private final EpgRepository guides;
    private final HandlersByKind<EpgSourceKind, EpgSourceHandler> handlers;
    private final Clock clock;

    public GuideIngestionService(
            EpgSourceRepository sources,
            EpgRepository guides,
            List<EpgSourceHandler> handlers,
            ExclusiveIngestions ingestions,
            Clock clock) {
        super(ingestions, IngestionTarget.GuideSource::new, sources::findById);
        this.guides = guides;
        this.handlers = new HandlersByKind<>(EpgSourceKind.class, handlers, EpgSourceHandler::kind);
        this.clock = clock;
    }

    @Override
    protected IngestionOutcome replace(EpgSource source, IngestionProgress progress, ReplaceGuard guard) {
        EpgSourceHandler handler = handlers.forKind(source.kind());
        Instant now = clock.instant();
        return source.isLocalFile()
                ? storeAsRead(source, handler, now, progress, guard)
                : storeSpooled(source, handler, now, progress, guard);
    }

    /** A download is read whole into a spool first: the replace's transaction never waits on the network. */
    private IngestionOutcome storeSpooled(
            EpgSource source, EpgSourceHandler handler, Instant now, IngestionProgress progress, ReplaceGuard guard) {
        Map<String, String> facts = new LinkedHashMap<>();
        long stored;
        try (GuideSpool spool = new GuideSpool(spoolDirectory(), source.id())) {
            CheckedGuide guide = new CheckedGuide(source.id(), spool);
            RetainedProgrammes retained = new RetainedProgrammes(guide, source.retention(), now);
            facts.putAll(handler.ingest(source, retained, progress));
            guard.beforeCommit(guide.programmes());
            stored = guides.replaceAllForSource(source.id(), spool::replayTo);
            facts.put("programmes_outside_retention", Long.toString(retained.outside()));
        }
        return new IngestionOutcome(stored, facts);
    }

    /**
     * A local file is read inside the replace's transaction, its programmes stored as they are parsed: no spool to
     * write and read back (a sixth of a big guide's ingestion), and the file cannot stall the way a download can. A
     * guide that fails half read, or that the guard refuses, rolls the replace back and the stored guide stays.
     */
    private IngestionOutcome storeAsRead(
            EpgSource source, EpgSourceHandler handler, Instant now, IngestionProgress progress, ReplaceGuard guard) {
        Map<String, String> facts = new LinkedHashMap<>();
        long[] outside = new long[1];
        long stored = guides.replaceAllForSource(source.id(), sink -> {
            CheckedGuide guide = new CheckedGuide(source.id(), sink);
            RetainedProgrammes retained = new RetainedProgrammes(guide, source.retention(), now);
            facts.putAll(handler.ingest(source, retained, progress));
            guard.beforeCommit(guide.programmes());
            outside[0] = retained.outside();
        });
        facts.put("programmes_outside_retention", Long.toString(outside[0]));
        return new IngestionOutcome(stored, facts);
    }

    @Override
    protected long storedCount(EpgSource source) {
        return guides.countProgrammes(source.id());
    }

    /** Programmes are what a guide is for: a guide of channels alone is as good as none. */
    @Override
    protected String unit() {
        return "programmes";
    }
}
