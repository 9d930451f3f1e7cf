package io.tvarr.pipeline.stage.overrides;

import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;

/**
 * Applies the user's override of each channel, after the mapping rules so a hand edit wins over any rule: hidden
 * drops the channel, a number is pinned for the numbering stage, the other fields replace the channel's.
 */
public final class ChannelOverrideStage implements Stage<ProxyChannel> {
    private final ChannelOverrides overrides;

    public ChannelOverrideStage(ChannelOverrides overrides) {
        this.overrides = overrides;
    }

    @Override
    public String name() {
        return "overrides";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        ChannelOverride override = overrides.find(item.channel().id());
        if (override == null) {
            return StageOutcome.kept(item);
        }
        if (override.hidden()) {
            return StageOutcome.dropped("hidden_by_override");
        }
        ProxyChannel changed = item.withChannel(override.applyTo(item.channel()));
        return StageOutcome.kept(override.number() == null ? changed : changed.withNumber(override.number()));
    }
}
