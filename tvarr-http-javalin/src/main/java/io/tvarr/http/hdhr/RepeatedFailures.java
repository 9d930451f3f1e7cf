package io.tvarr.http.hdhr;

import org.jspecify.annotations.Nullable;

/**
 * Remembers why a repeated task last failed, so its log says a failure once rather than every round: on a host
 * without a multicast route every announcement fails the same way for as long as tvarr runs. Thread-safe.
 */
final class RepeatedFailures {
    private @Nullable String lastReason;

    /** Records a failure; true when it is news (the first one, or another reason than the last). */
    synchronized boolean failed(String reason) {
        boolean news = !reason.equals(lastReason);
        lastReason = reason;
        return news;
    }

    /** Records a success; true when it ends a run of failures. */
    synchronized boolean succeeded() {
        boolean recovered = lastReason != null;
        lastReason = null;
        return recovered;
    }
}
