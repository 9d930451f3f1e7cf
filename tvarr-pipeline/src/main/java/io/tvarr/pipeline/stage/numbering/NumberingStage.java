package io.tvarr.pipeline.stage.numbering;

import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;

/** Numbers output channels in the order they arrive. */
public final class NumberingStage implements Stage<ProxyChannel> {
    private final ChannelNumberer numberer;

    public NumberingStage(ChannelNumberer numberer) {
        this.numberer = numberer;
    }

    @Override
    public String name() {
        return "numbering";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        if (item.number() != null) {
            // pinned by the user's override; the numberer keeps it free for this channel
            return StageOutcome.kept(item);
        }
        return StageOutcome.kept(item.withNumber(numberer.number(
                item.source().id(),
                item.sourceIndex(),
                item.channel().group(),
                item.channel().tvgChno())));
    }
}
