package io.tvarr.domain.health.service;

import io.tvarr.domain.Checks;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.Page;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.health.port.in.ConfigureHealthChecksUseCase;
import io.tvarr.domain.health.port.in.ListStreamHealthUseCase;
import io.tvarr.domain.health.port.out.StreamHealthRepository;
import io.tvarr.domain.job.port.out.CronSchedules;
import io.tvarr.domain.source.SourceId;
import io.tvarr.domain.source.port.out.StreamSourceRepository;
import java.util.Map;
import java.util.Optional;

/** A source's check settings and the checks' results. */
public final class StreamHealthService implements ConfigureHealthChecksUseCase, ListStreamHealthUseCase {
    /** Largest page of results one request reads. */
    public static final int MAX_PAGE_SIZE = 500;

    private final StreamHealthRepository health;
    private final StreamSourceRepository sources;
    private final CronSchedules cron;

    public StreamHealthService(StreamHealthRepository health, StreamSourceRepository sources, CronSchedules cron) {
        this.health = health;
        this.sources = sources;
        this.cron = cron;
    }

    @Override
    public HealthCheckSettings settings(SourceId source) {
        requireSource(source);
        return health.settings(source);
    }

    @Override
    public HealthCheckSettings configure(SourceId source, HealthCheckSettings settings) {
        requireSource(source);
        cron.validate("schedule", settings.schedule());
        health.saveSettings(source, settings);
        return settings;
    }

    @Override
    public Page<StreamHealth> page(SourceId source, int page, int size) {
        requireSource(source);
        Checks.requireRange(page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE, "page");
        Checks.requireRange(size, 1, MAX_PAGE_SIZE, "size");
        return health.findPage(source, page, size);
    }

    @Override
    public Map<HealthStatus, Long> counts(SourceId source) {
        return health.counts(source);
    }

    @Override
    public Optional<StreamHealth> ofChannel(ChannelId channel) {
        return health.findByChannel(channel);
    }

    private void requireSource(SourceId source) {
        if (sources.findById(source).isEmpty()) {
            throw new NotFoundException("source " + source + ": not found");
        }
    }
}
