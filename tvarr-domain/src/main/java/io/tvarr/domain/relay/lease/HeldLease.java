package io.tvarr.domain.relay.lease;

import io.tvarr.domain.relay.ConnectionLease;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * One connection this instance holds under a lease of {@link SharedConnectionLimits}, as its user sees it. The lease
 * behind it may change (the heartbeat found it gone and took a slot again) or be lost (another instance holds the
 * slot now): then the connection must end, which {@code onLost} does. Thread-safe.
 */
public final class HeldLease {
    /** Where a held lease is in its life: it ends once, released by its user or lost to another instance. */
    enum State {
        HELD,
        RELEASED,
        LOST
    }

    private final String what;
    private final int limit;
    private final Runnable onLost;
    private final AtomicReference<State> state = new AtomicReference<>(State.HELD);
    private volatile ConnectionLease lease;
    private volatile @Nullable Instant until;

    HeldLease(ConnectionLease lease, String what, int limit, Runnable onLost) {
        this.lease = lease;
        this.what = what;
        this.limit = limit;
        this.onLost = onLost;
    }

    /** The lease in the database now. */
    public ConnectionLease lease() {
        return lease;
    }

    /** Whether another instance took the slot over while this one still used it. */
    public boolean lost() {
        return state.get() == State.LOST;
    }

    /** What the lease limits, as messages name it ("source 'Provider'", "user 'alice'"). */
    String what() {
        return what;
    }

    int limit() {
        return limit;
    }

    boolean held() {
        return state.get() == State.HELD;
    }

    /** Moves to the lease taken again; false when the holder let it go meanwhile (the new lease is then not its). */
    synchronized boolean replace(ConnectionLease again) {
        if (!held()) {
            return false;
        }
        lease = again;
        return true;
    }

    boolean markReleased() {
        return state.compareAndSet(State.HELD, State.RELEASED);
    }

    /** Marks it lost; false when it ended otherwise first. */
    synchronized boolean markLost() {
        return state.compareAndSet(State.HELD, State.LOST);
    }

    /** Ends the connection whose lease was lost, as its user asked. */
    void endConnection() {
        onLost.run();
    }

    @Nullable
    Instant until() {
        return until;
    }

    void until(@Nullable Instant end) {
        until = end;
    }
}
