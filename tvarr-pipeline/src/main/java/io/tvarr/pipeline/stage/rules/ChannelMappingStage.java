package io.tvarr.pipeline.stage.rules;

import io.tvarr.expression.ChannelRecord;
import io.tvarr.expression.EvaluationContext;
import io.tvarr.expression.RuleChain;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;
import java.util.Locale;

/** Applies the proxy's channel mapping rules in order. */
public final class ChannelMappingStage implements Stage<ProxyChannel> {
    private final RuleChain rules;
    private final EvaluationContext context;
    private final ChannelRecord record = new ChannelRecord();

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
        record.load(
                item.channel(),
                item.source().name(),
                item.source().kind().name().toLowerCase(Locale.ROOT),
                item.source().url().toString());
        rules.apply(record, context);
        return StageOutcome.kept(item.withChannel(record.toChannel()));
    }
}
