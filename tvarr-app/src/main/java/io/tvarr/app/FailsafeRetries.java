package io.tvarr.app;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import io.tvarr.domain.job.port.out.Retries;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/** Retries through Failsafe: exponential backoff, retrying what the caller deems worth it. Stateless. */
final class FailsafeRetries implements Retries {

    @Override
    public <T> T run(Supplier<T> work, Backoff backoff, Decisions decisions) {
        RetryPolicy<T> policy = RetryPolicy.<T>builder()
                .handleIf(decisions::worthRetrying)
                .abortIf((result, failure) -> decisions.cancelled())
                .withBackoff(backoff.firstDelay(), backoff.maxDelay())
                .withMaxRetries(backoff.retries())
                .onRetry(event -> decisions.retrying(event.getLastException()))
                .build();
        try {
            return Failsafe.with(policy).get(work::get);
        } catch (FailsafeException e) {
            // the work throws only unchecked failures, so a checked cause is Failsafe's own wait being interrupted
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException failure) {
                throw failure;
            }
            CancellationException interrupted = new CancellationException("interrupted while waiting to retry");
            interrupted.initCause(cause == null ? e : cause);
            throw interrupted;
        }
    }
}
