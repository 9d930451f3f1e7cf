package io.tvarr.domain.relay;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import java.util.List;
import java.util.Set;

/**
 * One output channel's streams in the order to try them: the channel's own stream first, then its alternates
 * (the same channel from other sources or accounts). The relay opens the first it may and moves to the next when
 * one fails; streams a recent health check found broken are tried only when no other is left.
 *
 * @param streams at least one; the first names the session
 * @param knownBroken channels of {@code streams} a recent health check found broken
 */
public record FailoverStreams(List<StreamPlan> streams, Set<ChannelId> knownBroken) {
    public FailoverStreams {
        streams = List.copyOf(streams);
        knownBroken = Set.copyOf(knownBroken);
        if (streams.isEmpty()) {
            throw new ValidationException("streams: empty (expected: at least the channel's own stream)");
        }
    }

    /** Streams with nothing known about their health. */
    public FailoverStreams(List<StreamPlan> streams) {
        this(streams, Set.of());
    }

    /** A channel with no alternates. */
    public static FailoverStreams of(StreamPlan plan) {
        return new FailoverStreams(List.of(plan));
    }

    public StreamPlan primary() {
        return streams.get(0);
    }

    /** Whether a recent health check found the stream broken. */
    public boolean knownBroken(StreamPlan stream) {
        return knownBroken.contains(stream.channel());
    }

    /** Clients of one output channel share one session whichever of its streams is playing. */
    public String sessionKey() {
        return primary().sessionKey();
    }
}
