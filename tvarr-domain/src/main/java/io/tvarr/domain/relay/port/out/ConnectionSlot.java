package io.tvarr.domain.relay.port.out;

import io.tvarr.domain.relay.StreamPlan;

/** One upstream connection taken from the relay's counts; closing it gives the connection back (once). */
public interface ConnectionSlot extends AutoCloseable {
    /** The plan to open it with: the relay's default User-Agent added when the plan names none. */
    StreamPlan plan();

    @Override
    void close();
}
