package io.tvarr.domain.job;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How far a running job is.
 *
 * @param percent known only when the total is (a download with a declared length)
 * @param counts what has been done so far (bytes read, records parsed…)
 */
public record JobProgress(@Nullable Integer percent, Map<String, Long> counts) {
    public static final JobProgress NONE = new JobProgress(null, Map.of());

    public JobProgress {
        counts = Map.copyOf(counts);
    }
}
