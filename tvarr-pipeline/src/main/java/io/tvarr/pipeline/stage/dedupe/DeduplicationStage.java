package io.tvarr.pipeline.stage.dedupe;

import io.tvarr.pipeline.stage.ProxyChannel;
import io.tvarr.pipeline.stage.Stage;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Keeps the first channel of each stream URL; later channels with the same URL are dropped. */
public final class DeduplicationStage implements Stage<ProxyChannel> {
    private final Set<String> seen = new HashSet<>();

    @Override
    public String name() {
        return "deduplication";
    }

    @Override
    public @Nullable ProxyChannel apply(ProxyChannel item) {
        return seen.add(item.channel().streamUrl()) ? item : null;
    }
}
