package io.tvarr.pipeline.stage.dedupe;

import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import io.tvarr.pipeline.stage.StageOutcome;
import java.util.HashSet;
import java.util.Set;

/** Keeps the first channel of each stream URL; later channels with the same URL are dropped. */
public final class DeduplicationStage implements Stage<ProxyChannel> {
    static final String DUPLICATE = "duplicate_stream_url";

    private final Set<String> seen = new HashSet<>();

    @Override
    public String name() {
        return "deduplication";
    }

    @Override
    public StageOutcome<ProxyChannel> apply(ProxyChannel item) {
        return seen.add(item.channel().streamUrl()) ? StageOutcome.kept(item) : StageOutcome.dropped(DUPLICATE);
    }
}
