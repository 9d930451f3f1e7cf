package io.tvarr.relay.session;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests for what another thread makes true, polling, with a limit that fails the test. */
final class Await {
    private Await() {}

    /** Returns once {@code condition} holds; fails naming {@code what} when it has not within {@code limit}. */
    static void until(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + limit.toMillis() + " ms waiting until " + what);
            }
            Thread.sleep(10);
        }
    }
}
