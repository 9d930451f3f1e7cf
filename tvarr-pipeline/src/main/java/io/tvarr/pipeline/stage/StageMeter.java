package io.tvarr.pipeline.stage;

import io.tvarr.domain.proxy.GenerationReport.StageReport;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs records through a fixed sequence of stages, counting what goes in and out of each and the time each
 * spends. Not thread-safe: one generation, one thread.
 */
public final class StageMeter<T> {
    private final List<Stage<T>> stages;
    private final long[] in;
    private final long[] out;
    private final long[] nanos;

    public StageMeter(List<? extends Stage<T>> stages) {
        this.stages = List.copyOf(stages);
        this.in = new long[stages.size()];
        this.out = new long[stages.size()];
        this.nanos = new long[stages.size()];
    }

    /** The record after every stage, or null when one dropped it. */
    public @Nullable T apply(T item) {
        T current = item;
        for (int i = 0; i < stages.size(); i++) {
            in[i]++;
            long started = System.nanoTime();
            current = stages.get(i).apply(current);
            nanos[i] += System.nanoTime() - started;
            if (current == null) {
                return null;
            }
            out[i]++;
        }
        return current;
    }

    public List<StageReport> reports() {
        List<StageReport> reports = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            reports.add(new StageReport(stages.get(i).name(), in[i], out[i], nanos[i] / 1_000_000));
        }
        return reports;
    }
}
