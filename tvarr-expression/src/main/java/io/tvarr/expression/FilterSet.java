package io.tvarr.expression;

import java.util.List;

/**
 * A proxy's filters: with any include filter, a record must match at least one include; then any matching
 * exclude removes it. Without filters everything passes.
 */
public final class FilterSet {
    private final CompiledFilter[] includes;
    private final CompiledFilter[] excludes;

    public FilterSet(List<CompiledFilter> includes, List<CompiledFilter> excludes) {
        this.includes = includes.toArray(CompiledFilter[]::new);
        this.excludes = excludes.toArray(CompiledFilter[]::new);
    }

    /** Whether there is no filter at all, so every record passes. */
    public boolean isEmpty() {
        return includes.length == 0 && excludes.length == 0;
    }

    public boolean accepts(FieldValues record, EvaluationContext context) {
        if (includes.length > 0) {
            boolean included = false;
            for (CompiledFilter include : includes) {
                if (include.matches(record, context)) {
                    included = true;
                    break;
                }
            }
            if (!included) {
                return false;
            }
        }
        for (CompiledFilter exclude : excludes) {
            if (exclude.matches(record, context)) {
                return false;
            }
        }
        return true;
    }
}
