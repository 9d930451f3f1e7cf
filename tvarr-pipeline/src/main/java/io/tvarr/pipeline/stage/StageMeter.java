package io.tvarr.pipeline.stage;

import io.tvarr.domain.proxy.GenerationReport.StageReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs records through a fixed sequence of stages, counting what goes in and out of each, why each dropped what
 * it dropped, and the time each spends. Not thread-safe: one generation, one thread.
 */
public final class StageMeter<T> {
    private final List<Stage<T>> stages;
    private final long[] in;
    private final long[] out;
    private final long[] nanos;
    private final List<Map<String, Long>> drops;

    public StageMeter(List<? extends Stage<T>> stages) {
        this.stages = List.copyOf(stages);
        this.in = new long[stages.size()];
        this.out = new long[stages.size()];
        this.nanos = new long[stages.size()];
        this.drops = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            drops.add(new HashMap<>());
        }
    }

    /** The record after every stage, or why the first stage that dropped it did. */
    public StageOutcome<T> apply(T item) {
        T current = item;
        StageOutcome<T> outcome = null;
        for (int i = 0; i < stages.size(); i++) {
            in[i]++;
            long started = System.nanoTime();
            outcome = stages.get(i).apply(current);
            nanos[i] += System.nanoTime() - started;
            if (outcome instanceof StageOutcome.Kept<T> kept) {
                current = kept.value();
                out[i]++;
            } else {
                drops.get(i).merge(((StageOutcome.Dropped<T>) outcome).reason(), 1L, Long::sum);
                return outcome;
            }
        }
        // the last stage's outcome already carries the record; only a meter without stages makes one
        return outcome == null ? StageOutcome.kept(item) : outcome;
    }

    public List<StageReport> reports() {
        List<StageReport> reports = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            reports.add(new StageReport(stages.get(i).name(), in[i], out[i], nanos[i] / 1_000_000, drops.get(i)));
        }
        return reports;
    }
}
