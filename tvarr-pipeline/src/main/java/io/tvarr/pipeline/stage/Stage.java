package io.tvarr.pipeline.stage;

/**
 * One step records flow through during a generation. Stages see one record at a time, so memory does not grow
 * with the input; the few that must remember something (deduplication, numbering) keep per-key state only.
 *
 * @param <T> what flows: output channels or programmes
 */
public interface Stage<T> {
    /** The name the generation report shows. */
    String name();

    /** The record to pass on (changed or not), or why it goes no further. */
    StageOutcome<T> apply(T item);
}
