package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.job.port.out.Retries;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class FailsafeRetriesTest {
    private static final Retries.Backoff BACKOFF = new Retries.Backoff(3, Duration.ofMillis(1), Duration.ofMillis(2));

    private final FailsafeRetries retries = new FailsafeRetries();
    private final AtomicInteger tries = new AtomicInteger();
    private final Decisions decisions = new Decisions();

    /** Upstream trouble is worth another try, a refusal is not. */
    static final class Decisions implements Retries.Decisions {
        final List<@Nullable Throwable> retried = new ArrayList<>();
        boolean cancelled;

        @Override
        public boolean worthRetrying(Throwable failure) {
            return !(failure instanceof RefusedUpstreamException);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void retrying(@Nullable Throwable failure) {
            retried.add(failure);
        }
    }

    @Test
    void transient_failures_are_retried_until_the_work_succeeds() {
        String result = retries.run(
                () -> {
                    if (tries.incrementAndGet() < 3) {
                        throw new UpstreamException("provider: timed out");
                    }
                    return "done";
                },
                BACKOFF,
                decisions);

        assertThat(result).isEqualTo("done");
        assertThat(decisions.retried).hasSize(2).allMatch(UpstreamException.class::isInstance);
    }

    @Test
    void a_failure_not_worth_retrying_is_thrown_at_once_as_it_was() {
        RefusedUpstreamException refusal = new RefusedUpstreamException("provider: http 401");

        assertThatThrownBy(() -> retries.run(
                        () -> {
                            tries.incrementAndGet();
                            throw refusal;
                        },
                        BACKOFF,
                        decisions))
                .isSameAs(refusal);
        assertThat(tries).hasValue(1);
    }

    @Test
    void when_the_retries_run_out_the_last_failure_is_thrown() {
        assertThatThrownBy(() -> retries.run(
                        () -> {
                            throw new UpstreamException("provider: try " + tries.incrementAndGet());
                        },
                        BACKOFF,
                        decisions))
                .isInstanceOf(UpstreamException.class)
                .hasMessage("provider: try 4");
    }

    @Test
    void cancelled_work_is_not_retried() {
        decisions.cancelled = true;

        assertThatThrownBy(() -> retries.run(
                        () -> {
                            tries.incrementAndGet();
                            throw new UpstreamException("provider: interrupted");
                        },
                        BACKOFF,
                        decisions))
                .isInstanceOf(UpstreamException.class);
        assertThat(tries).hasValue(1);
    }
}
