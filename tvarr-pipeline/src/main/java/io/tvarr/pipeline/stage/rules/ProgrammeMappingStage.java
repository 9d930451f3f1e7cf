package io.tvarr.pipeline.stage.rules;

import io.tvarr.expression.EvaluationContext;
import io.tvarr.expression.ProgrammeRecord;
import io.tvarr.expression.RuleChain;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;

/** Applies the proxy's EPG mapping rules to each programme. */
public final class ProgrammeMappingStage implements Stage<GuideProgramme> {
    private final RuleChain rules;
    private final EvaluationContext context;
    private final ProgrammeRecord record = new ProgrammeRecord();

    public ProgrammeMappingStage(RuleChain rules, EvaluationContext context) {
        this.rules = rules;
        this.context = context;
    }

    @Override
    public String name() {
        return "epg_mapping";
    }

    @Override
    public StageOutcome<GuideProgramme> apply(GuideProgramme item) {
        if (rules.isEmpty()) {
            return StageOutcome.kept(item);
        }
        record.load(item.programme(), item.channelGroup());
        rules.apply(record, context);
        return StageOutcome.kept(item.with(record.toProgramme()));
    }
}
