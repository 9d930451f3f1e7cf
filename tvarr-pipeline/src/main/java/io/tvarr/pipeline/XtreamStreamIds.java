package io.tvarr.pipeline;

import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.xtream.XtreamChannel;
import io.tvarr.pipeline.output.XtreamLineupFile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Gives each output channel its Xtream stream id for one generation. A channel keeps the id the last published
 * lineup gave it; a new one gets {@link XtreamChannel#preferredStreamId}, or the next number no channel of the last
 * lineup nor of this one holds, so ids never move between channels while both stay. Memory grows with the lineup
 * (two integers a channel), like the generation's other per-channel state. Not thread-safe.
 */
final class XtreamStreamIds {
    private final Map<ChannelId, Integer> previous = new HashMap<>();
    private final Set<Integer> taken = new HashSet<>();

    /** Starts from the lineup published at {@code file}, if there is one. */
    XtreamStreamIds(Path file) {
        XtreamLineupFile.read(file, channel -> {
            previous.put(channel.channelId(), channel.streamId());
            taken.add(channel.streamId());
        });
    }

    int assign(ChannelId channel) {
        Integer kept = previous.get(channel);
        if (kept != null) {
            return kept;
        }
        int id = XtreamChannel.preferredStreamId(channel);
        while (!taken.add(id)) {
            id = id == Integer.MAX_VALUE ? 1 : id + 1;
        }
        return id;
    }
}
