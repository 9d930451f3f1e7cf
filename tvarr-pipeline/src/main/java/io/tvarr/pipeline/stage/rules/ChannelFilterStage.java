package io.tvarr.pipeline.stage.rules;

import io.tvarr.expression.EvaluationContext;
import io.tvarr.expression.FilterSet;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;

/** Keeps the channels the proxy's channel filters accept (includes first, then excludes). */
public final class ChannelFilterStage implements Stage<ProxyChannel> {
    /** Why a record the filters refuse is dropped; the programme filter uses the same word. */
    public static final String FILTERED_OUT = "filtered_out";

    private final FilterSet filters;
    private final EvaluationContext context;
    private final ChannelRecordLoader loader = new ChannelRecordLoader();

    public ChannelFilterStage(FilterSet filters, EvaluationContext context) {
        this.filters = filters;
        this.context = context;
    }

    @Override
    public String name() {
        return "filtering";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        if (filters.isEmpty()) {
            return StageOutcome.kept(item);
        }
        return filters.accepts(loader.load(item), context)
                ? StageOutcome.kept(item)
                : StageOutcome.dropped(FILTERED_OUT);
    }
}
