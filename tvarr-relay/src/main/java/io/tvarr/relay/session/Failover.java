package io.tvarr.relay.session;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A session's failover bookkeeping: which streams may take over from one that failed, and when a flapping channel
 * gives up. Used by the session's reader thread only.
 */
final class Failover {
    /** A stream that played this long before failing was no flap: the count of quick failures starts again. */
    static final Duration STABLE = Duration.ofSeconds(10);
    /** Quick failures in a row, per stream of the channel, after which a flapping channel ends. */
    static final int QUICK_FAILURES_PER_STREAM = 3;

    private final int streams;
    private final Clock clock;
    // streams that failed without a byte since the last one that sent some: none is tried twice in that time
    private final Set<Integer> failed = new HashSet<>();
    private int quickFailures;

    Failover(int streams, Clock clock) {
        this.streams = streams;
        this.clock = clock;
    }

    /**
     * Counts the failure of stream {@code index}, which sent its first bytes at {@code started} (null: none).
     *
     * @return whether the channel flaps: too many streams in a row failed soon after their first bytes
     */
    boolean flapping(int index, @Nullable Instant started) {
        if (started != null) {
            // it worked: every stream may be tried again, this one too once another has failed
            failed.clear();
        } else {
            failed.add(index);
        }
        boolean quick =
                started == null || Duration.between(started, clock.instant()).compareTo(STABLE) < 0;
        quickFailures = quick ? quickFailures + 1 : 0;
        return quickFailures >= streams * QUICK_FAILURES_PER_STREAM;
    }

    /** Why a flapping channel ended, after the last failure's {@code reason}. */
    UpstreamException gaveUp(String reason) {
        return new UpstreamException(reason + "; gave up after " + quickFailures + " streams in a row failed within "
                + STABLE.toSeconds() + " s of their first bytes");
    }

    /**
     * The streams that may take over from {@code index}, in order: the later ones, then the earlier ones (the
     * preferred first stream first), leaving out those that failed since the last bytes.
     */
    List<Integer> candidates(int index) {
        List<Integer> order = new ArrayList<>();
        for (int step = 1; step < streams; step++) {
            int candidate = (index + step) % streams;
            if (!failed.contains(candidate)) {
                order.add(candidate);
            }
        }
        return order;
    }

    /** Why the session ends when no stream could take over from one that failed with {@code failure}. */
    static @Nullable UpstreamException exhausted(
            @Nullable UpstreamException failure, String reason, List<String> refusals) {
        if (refusals.isEmpty()) {
            // every other stream already failed since the last bytes: the channel is down, and this is why
            return failure;
        }
        String others = "; no other stream of the channel could take over: " + String.join("; ", refusals);
        return failure instanceof RefusedUpstreamException
                ? new RefusedUpstreamException(reason + others)
                : new UpstreamException(reason + others);
    }
}
