package io.tvarr.pipeline.stage.rules;

import io.tvarr.expression.ChannelRecord;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.expression.RuleChain;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;

/** Applies the proxy's channel mapping rules in order. */
public final class ChannelMappingStage implements Stage<ProxyChannel> {
    private final RuleChain rules;
    private final EvaluationContext context;
    private final ChannelRecordLoader loader = new ChannelRecordLoader();

    public ChannelMappingStage(RuleChain rules, EvaluationContext context) {
        this.rules = rules;
        this.context = context;
    }

    @Override
    public String name() {
        return "mapping";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        if (rules.isEmpty()) {
            return StageOutcome.kept(item); // nothing to change: the channel is not even read into a record
        }
        ChannelRecord record = loader.load(item);
        rules.apply(record, context);
        return StageOutcome.kept(item.withChannel(record.toChannel()));
    }
}
