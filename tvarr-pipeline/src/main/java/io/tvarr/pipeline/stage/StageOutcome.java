package io.tvarr.pipeline.stage;

import io.tvarr.domain.Checks;

/**
 * What a stage did with one record: kept it (changed or not) for the next stage, or dropped it for a reason the
 * generation report counts. A value rather than null, so a stage cannot drop a record without saying why; the
 * callers tell the two apart with {@code instanceof}.
 *
 * @param <T> what flows: output channels or programmes
 */
public sealed interface StageOutcome<T> {
    /** The record goes on, as {@code value}. */
    record Kept<T>(T value) implements StageOutcome<T> {}

    /**
     * The record goes no further.
     *
     * @param reason a stable snake_case key the report counts drops under ({@code "duplicate_stream_url"})
     */
    record Dropped<T>(String reason) implements StageOutcome<T> {
        public Dropped {
            Checks.requireText(reason, "reason");
        }
    }

    static <T> StageOutcome<T> kept(T value) {
        return new Kept<>(value);
    }

    static <T> StageOutcome<T> dropped(String reason) {
        return new Dropped<>(reason);
    }
}
