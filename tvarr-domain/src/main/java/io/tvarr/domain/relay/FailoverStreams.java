package io.tvarr.domain.relay;

import io.tvarr.domain.ValidationException;
import java.util.List;

/**
 * One output channel's streams in the order to try them: the channel's own stream first, then its alternates
 * (the same channel from other sources or accounts). The relay opens the first it may and moves to the next when
 * one fails.
 *
 * @param streams at least one; the first names the session
 */
public record FailoverStreams(List<StreamPlan> streams) {
    public FailoverStreams {
        streams = List.copyOf(streams);
        if (streams.isEmpty()) {
            throw new ValidationException("streams: empty (expected: at least the channel's own stream)");
        }
    }

    /** A channel with no alternates. */
    public static FailoverStreams of(StreamPlan plan) {
        return new FailoverStreams(List.of(plan));
    }

    public StreamPlan primary() {
        return streams.get(0);
    }

    /** Clients of one output channel share one session whichever of its streams is playing. */
    public String sessionKey() {
        return primary().sessionKey();
    }
}
