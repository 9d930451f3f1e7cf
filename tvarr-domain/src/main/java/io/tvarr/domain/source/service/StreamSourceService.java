package io.tvarr.domain.source.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.source.MaskedSecrets;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import io.tvarr.domain.source.port.in.ManageStreamSourcesUseCase;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Channel source management. */
public final class StreamSourceService implements ManageStreamSourcesUseCase {
    private final StreamSourceRepository sources;
    private final CronSchedules schedules;
    private final Clock clock;
    private final KeepSourceFilesUseCase files;

    /** @param files where uploaded files live: a source's own is deleted with it or when it points elsewhere */
    public StreamSourceService(
            StreamSourceRepository sources, CronSchedules schedules, Clock clock, KeepSourceFilesUseCase files) {
        this.files = files;
        this.schedules = schedules;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public StreamSource create(SaveStreamSourceCommand command) {
        validateSchedule(command.schedule());
        Instant now = clock.instant();
        StreamSource source = build(SourceId.random(), command, null, now, now);
        sources.insert(source);
        return source;
    }

    @Override
    public StreamSource update(SourceId id, SaveStreamSourceCommand command) {
        validateSchedule(command.schedule());
        StreamSource existing = get(id);
        StreamSource source = build(id, command, existing, existing.createdAt(), clock.instant());
        sources.update(source);
        if (!source.url().equals(existing.url())) {
            releaseIfUnused(existing.url());
        }
        return source;
    }

    @Override
    public void delete(SourceId id) {
        StreamSource existing = get(id);
        if (!sources.delete(id)) {
            throw new NotFoundException("stream source " + id + ": not found");
        }
        releaseIfUnused(existing.url());
    }

    /** An uploaded file belongs to the sources that read it: another source may have been pointed at it. */
    private void releaseIfUnused(URI url) {
        if (sources.findAll().stream().noneMatch(s -> s.url().equals(url))) {
            files.release(url);
        }
    }

    @Override
    public StreamSource get(SourceId id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException("stream source " + id + ": not found"));
    }

    @Override
    public List<StreamSource> list() {
        return sources.findAll();
    }

    private static StreamSource build(
            SourceId id, SaveStreamSourceCommand c, @Nullable StreamSource existing, Instant created, Instant now) {
        return new StreamSource(
                id,
                c.name(),
                c.kind(),
                MaskedSecrets.url(c.url(), existing == null ? null : existing.url()),
                MaskedSecrets.credentials(c.username(), c.password(), existing == null ? null : existing.credentials()),
                c.userAgent(),
                c.enabled(),
                c.schedule(),
                c.maxConcurrentStreams(),
                c.xtreamOutput(),
                c.includeVod(),
                c.includeSeries(),
                created,
                now);
    }

    private void validateSchedule(@Nullable String schedule) {
        if (schedule != null && !schedule.isBlank()) {
            schedules.validate("schedule", schedule);
        }
    }
}
