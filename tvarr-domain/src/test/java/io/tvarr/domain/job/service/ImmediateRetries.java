package io.tvarr.domain.job.service;

import io.tvarr.domain.job.port.out.Retries;
import java.util.function.Supplier;

/** Retries without waiting: the decisions and the retry count as the real adapter applies them, no backoff. */
final class ImmediateRetries implements Retries {
    @Override
    public <T> T run(Supplier<T> work, Backoff backoff, Decisions decisions) {
        for (int retry = 0; ; retry++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (retry >= backoff.retries() || !decisions.worthRetrying(e) || decisions.cancelled()) {
                    throw e;
                }
                decisions.retrying(e);
            }
        }
    }
}
