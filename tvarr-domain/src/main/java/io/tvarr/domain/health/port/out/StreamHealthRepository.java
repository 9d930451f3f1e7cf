package io.tvarr.domain.health.port.out;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.source.SourceId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stores each source's check settings and each channel's last check. Results are kept by channel id, which is stable
 * across refreshes, so a refresh does not forget them; deleting the source deletes both. Thread-safe.
 */
public interface StreamHealthRepository extends HealthCheckSchedules {
    /** The source's settings; {@link HealthCheckSettings#DEFAULT} when never saved. */
    HealthCheckSettings settings(SourceId source);

    void saveSettings(SourceId source, HealthCheckSettings settings);

    /** Replaces the channel's last result. */
    void record(StreamHealth result);

    Optional<StreamHealth> findByChannel(ChannelId channel);

    /** The last results of those of {@code channels} that were checked; for failover's few streams. */
    List<StreamHealth> findByChannels(Collection<ChannelId> channels);

    /** The source's results, most recently checked first. */
    Page<StreamHealth> findPage(SourceId source, int page, int size);

    /** How many of the source's results say working and broken (only statuses present are keys). */
    Map<HealthStatus, Long> counts(SourceId source);

    /**
     * At most {@code limit} of the source's stored channels in the order a run checks them: never checked first,
     * then those checked longest ago.
     */
    List<ChannelId> dueForCheck(SourceId source, int limit);
}
