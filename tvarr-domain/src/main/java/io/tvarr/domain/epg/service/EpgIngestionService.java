package io.tvarr.domain.epg.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSink;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.port.in.IngestEpgSourceUseCase;
import io.tvarr.domain.epg.port.out.EpgRepository;
import io.tvarr.domain.epg.port.out.EpgSourceHandler;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.ingestion.InputRefreshed;
import io.tvarr.domain.source.IngestionProgress;
import io.tvarr.domain.source.IngestionStatus;
import io.tvarr.domain.source.service.ExclusiveIngestions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refreshes guides: the handler streams the guide through the retention window into an atomic replace of the
 * source's guide, so a failed refresh leaves the stored guide untouched.
 */
public final class EpgIngestionService implements IngestEpgSourceUseCase {
    private static final String WHAT = "epg source";

    private final EpgSourceRepository sources;
    private final EpgRepository guides;
    private final Map<EpgSourceKind, EpgSourceHandler> handlers = new EnumMap<>(EpgSourceKind.class);
    private final ExclusiveIngestions ingestions;
    private final Clock clock;

    public EpgIngestionService(
            EpgSourceRepository sources,
            EpgRepository guides,
            List<EpgSourceHandler> handlers,
            ExclusiveIngestions ingestions,
            Clock clock) {
        this.sources = sources;
        this.guides = guides;
        handlers.forEach(h -> this.handlers.put(h.kind(), h));
        this.ingestions = ingestions;
        this.clock = clock;
    }

    @Override
    public IngestionStatus ingest(EpgSourceId id) {
        EpgSource source = find(id);
        return ingestions.run(id.toString(), WHAT, progress -> replace(source, progress));
    }

    @Override
    public IngestionStatus start(EpgSourceId id) {
        EpgSource source = find(id);
        return ingestions.start(id.toString(), WHAT, progress -> replace(source, progress));
    }

    @Override
    public IngestionStatus status(EpgSourceId id) {
        find(id);
        return ingestions.status(id.toString());
    }

    private ExclusiveIngestions.Outcome replace(EpgSource source, IngestionProgress progress) {
        EpgSourceHandler handler = handlers.get(source.kind());
        if (handler == null) {
            throw new ValidationException("kind: no handler for " + source.kind());
        }
        Instant now = clock.instant();
        Map<String, String> facts = new LinkedHashMap<>();
        long[] outside = new long[1];
        long stored = guides.replaceAllForSource(
                source.id(),
                sink -> facts.putAll(handler.ingest(source, new Retained(sink, source, now, outside), progress)));
        facts.put("programmes_outside_retention", Long.toString(outside[0]));
        return new ExclusiveIngestions.Outcome(stored, facts, new InputRefreshed.Guide(source.id()));
    }

    private EpgSource find(EpgSourceId id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException(WHAT + " " + id + ": not found"));
    }

    /** Passes on programmes inside the source's retention window and counts the rest. */
    private static final class Retained implements EpgSink {
        private final EpgSink sink;
        private final EpgSource source;
        private final Instant now;
        private final long[] outside;

        Retained(EpgSink sink, EpgSource source, Instant now, long[] outside) {
            this.sink = sink;
            this.source = source;
            this.now = now;
            this.outside = outside;
        }

        @Override
        public void channel(EpgChannel channel) {
            sink.channel(channel);
        }

        @Override
        public void programme(EpgProgramme programme) {
            if (source.retention().keeps(now, programme.start(), programme.stop())) {
                sink.programme(programme);
            } else {
                outside[0]++;
            }
        }
    }
}
