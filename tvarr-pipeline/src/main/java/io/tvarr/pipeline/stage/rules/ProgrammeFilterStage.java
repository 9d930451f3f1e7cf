package io.tvarr.pipeline.stage.rules;

import io.tvarr.expression.EvaluationContext;
import io.tvarr.expression.FilterSet;
import io.tvarr.expression.ProgrammeRecord;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;

/** Keeps the programmes the proxy's EPG filters accept. */
public final class ProgrammeFilterStage implements Stage<GuideProgramme> {
    private final FilterSet filters;
    private final EvaluationContext context;
    private final ProgrammeRecord record = new ProgrammeRecord();

    public ProgrammeFilterStage(FilterSet filters, EvaluationContext context) {
        this.filters = filters;
        this.context = context;
    }

    @Override
    public String name() {
        return "epg_filtering";
    }

    @Override
    public StageOutcome<GuideProgramme> apply(GuideProgramme item) {
        if (filters.isEmpty()) {
            return StageOutcome.kept(item);
        }
        record.load(item.programme(), item.channelGroup());
        return filters.accepts(record, context)
                ? StageOutcome.kept(item)
                : StageOutcome.dropped(ChannelFilterStage.FILTERED_OUT);
    }
}
