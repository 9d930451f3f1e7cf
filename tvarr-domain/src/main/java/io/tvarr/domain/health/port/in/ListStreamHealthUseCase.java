package io.tvarr.domain.health.port.in;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.domain.source.SourceId;
import java.util.Map;
import java.util.Optional;

/** The checks' results. */
public interface ListStreamHealthUseCase {
    /**
     * A page of the source's results, most recently checked first.
     *
     * @param page from 0
     * @param size 1-500
     * @throws io.tvarr.domain.NotFoundException when there is no such source
     * @throws io.tvarr.domain.ValidationException when page or size is out of range
     */
    Page<StreamHealth> page(SourceId source, int page, int size);

    /** Working and broken counts of the source's results. */
    Map<HealthStatus, Long> counts(SourceId source);

    /** The channel's last result; empty when never checked. */
    Optional<StreamHealth> ofChannel(ChannelId channel);
}
