package io.tvarr.domain.failover;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A proxy's failover settings: how it merges the same channel from several sources into one output channel, and the
 * alternates listed by hand.
 *
 * @param manual at most 1000 channels, each listed once
 */
public record ProxyFailover(MergeBy mergeBy, List<ChannelAlternates> manual) {
    public static final ProxyFailover NONE = new ProxyFailover(MergeBy.NONE, List.of());
    public static final int MAX_CHANNELS = 1000;

    public ProxyFailover {
        manual = List.copyOf(manual);
        if (manual.size() > MAX_CHANNELS) {
            throw new ValidationException(
                    "alternates: " + manual.size() + " channels (expected: at most " + MAX_CHANNELS + ")");
        }
        Set<ChannelId> seen = new HashSet<>();
        for (ChannelAlternates entry : manual) {
            if (!seen.add(entry.channel())) {
                throw new ValidationException("alternates: channel " + entry.channel() + " is listed twice");
            }
        }
    }

    /** The alternates listed by hand for {@code channel}, in order. */
    public List<ChannelId> manualAlternates(ChannelId channel) {
        Optional<ChannelAlternates> entry =
                manual.stream().filter(e -> e.channel().equals(channel)).findFirst();
        return entry.map(ChannelAlternates::alternates).orElse(List.of());
    }
}
