package io.tvarr.domain.epg.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceId;
import io.tvarr.domain.epg.port.in.ManageEpgSourcesUseCase;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.domain.epg.port.out.EpgSourceRepository;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.source.MaskedSecrets;
import io.tvarr.domain.source.port.in.KeepSourceFilesUseCase;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Guide source management. */
public final class EpgSourceService implements ManageEpgSourcesUseCase {
    private final EpgSourceRepository sources;
    private final CronSchedules schedules;
    private final Clock clock;
    private final KeepSourceFilesUseCase files;

    /** @param files where uploaded files live: a source's own is deleted with it or when it points elsewhere */
    public EpgSourceService(
            EpgSourceRepository sources, CronSchedules schedules, Clock clock, KeepSourceFilesUseCase files) {
        this.files = files;
        this.schedules = schedules;
        this.sources = sources;
        this.clock = clock;
    }

    @Override
    public EpgSource create(SaveEpgSourceCommand command) {
        validateSchedule(command.schedule());
        Instant now = clock.instant();
        EpgSource source = build(EpgSourceId.random(), command, null, now, now);
        sources.insert(source);
        return source;
    }

    @Override
    public EpgSource update(EpgSourceId id, SaveEpgSourceCommand command) {
        validateSchedule(command.schedule());
        EpgSource existing = get(id);
        EpgSource source = build(id, command, existing, existing.createdAt(), clock.instant());
        sources.update(source);
        if (!source.url().equals(existing.url())) {
            releaseIfUnused(existing.url());
        }
        return source;
    }

    @Override
    public void delete(EpgSourceId id) {
        EpgSource existing = get(id);
        if (!sources.delete(id)) {
            throw new NotFoundException("epg source " + id + ": not found");
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
    public EpgSource get(EpgSourceId id) {
        return sources.findById(id).orElseThrow(() -> new NotFoundException("epg source " + id + ": not found"));
    }

    @Override
    public List<EpgSource> list() {
        return sources.findAll();
    }

    private static EpgSource build(
            EpgSourceId id, SaveEpgSourceCommand c, @Nullable EpgSource existing, Instant created, Instant now) {
        return new EpgSource(
                id,
                c.name(),
                c.kind(),
                MaskedSecrets.url(c.url(), existing == null ? null : existing.url()),
                MaskedSecrets.credentials(c.username(), c.password(), existing == null ? null : existing.credentials()),
                c.userAgent(),
                c.enabled(),
                c.schedule(),
                c.timeShiftMinutes(),
                c.zone(),
                c.retention(),
                created,
                now);
    }

    private void validateSchedule(@Nullable String schedule) {
        if (schedule != null && !schedule.isBlank()) {
            schedules.validate("schedule", schedule);
        }
    }
}
