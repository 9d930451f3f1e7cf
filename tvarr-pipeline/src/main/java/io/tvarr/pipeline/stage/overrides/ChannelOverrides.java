package io.tvarr.pipeline.stage.overrides;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ChannelOverride;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A proxy's overrides by channel id, as read when its generation starts. Immutable. */
public final class ChannelOverrides {
    public static final ChannelOverrides NONE = new ChannelOverrides(List.of());

    private final Map<ChannelId, ChannelOverride> byChannel = new HashMap<>();
    private final Set<Integer> pinnedNumbers = new HashSet<>();

    public ChannelOverrides(List<ChannelOverride> overrides) {
        for (ChannelOverride override : overrides) {
            byChannel.put(override.channel(), override);
            if (override.number() != null && !override.hidden()) {
                pinnedNumbers.add(override.number());
            }
        }
    }

    public @Nullable ChannelOverride find(ChannelId channel) {
        return byChannel.get(channel);
    }

    public boolean isEmpty() {
        return byChannel.isEmpty();
    }

    /** The numbers overrides pin, which numbering gives no other channel. */
    public Set<Integer> pinnedNumbers() {
        return Set.copyOf(pinnedNumbers);
    }
}
