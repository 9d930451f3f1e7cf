package io.tvarr.domain.job.port.out;

import io.tvarr.domain.ValidationException;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs work again after failures worth another try, waiting longer before each try. Which failures are worth it
 * and when to give up is the caller's to say, through {@link Decisions}.
 */
public interface Retries {
    /**
     * Runs the work on the calling thread until it returns, fails with a failure not worth retrying, is cancelled,
     * or has used up its retries.
     *
     * @return what the work returned
     * @throws RuntimeException the work's last failure, as it was thrown; a
     *     {@link java.util.concurrent.CancellationException} when the thread is interrupted while waiting to retry
     */
    <T> T run(Supplier<T> work, Backoff backoff, Decisions decisions);

    /**
     * How often and how patiently to retry.
     *
     * @param retries tries after the first, zero or more
     * @param firstDelay the wait before the first retry; it doubles before each further one
     * @param maxDelay the longest wait, greater than {@code firstDelay}
     */
    record Backoff(int retries, Duration firstDelay, Duration maxDelay) {
        public Backoff {
            if (retries < 0) {
                throw new ValidationException("retries: " + retries + " (expected: zero or more)");
            }
            if (firstDelay.isNegative() || firstDelay.isZero()) {
                throw new ValidationException("first_delay: " + firstDelay + " (expected: more than zero)");
            }
            if (maxDelay.compareTo(firstDelay) <= 0) {
                throw new ValidationException("max_delay: " + maxDelay + " (expected: more than " + firstDelay + ")");
            }
        }
    }

    /** The caller's say in retrying. Called on the thread that runs the work; must return quickly. */
    interface Decisions {
        /** Whether this failure is worth another try; others end the work at once. */
        boolean worthRetrying(Throwable failure);

        /** Whether the work was cancelled; no retry follows a cancellation. */
        boolean cancelled();

        /** Called before each retry with the failure that caused it, when there is one. */
        void retrying(@Nullable Throwable failure);
    }
}
