package io.tvarr.domain.failover;

import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Streams listed by hand for one output channel: when the channel's own stream cannot play, these are tried in
 * order.
 *
 * @param alternates 1 to 20 other channels, none twice and none the channel itself
 */
public record ChannelAlternates(ChannelId channel, List<ChannelId> alternates) {
    public static final int MAX_ALTERNATES = 20;

    public ChannelAlternates {
        alternates = List.copyOf(alternates);
        if (alternates.isEmpty() || alternates.size() > MAX_ALTERNATES) {
            throw new ValidationException("alternates of channel " + channel + ": " + alternates.size()
                    + " (expected: 1-" + MAX_ALTERNATES + ")");
        }
        Set<ChannelId> seen = new HashSet<>();
        for (ChannelId alternate : alternates) {
            if (alternate.equals(channel)) {
                throw new ValidationException("alternates of channel " + channel + ": names the channel itself");
            }
            if (!seen.add(alternate)) {
                throw new ValidationException(
                        "alternates of channel " + channel + ": " + alternate + " is listed twice");
            }
        }
    }
}
