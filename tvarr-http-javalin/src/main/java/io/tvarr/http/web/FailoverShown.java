package io.tvarr.http.web;

import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.failover.MergeBy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the failover page shows: the merge mode, the alternates by hand with their channels' names, and the channel
 * search that adds alternates.
 *
 * @param mergeBy the merge mode as typed, or as stored
 * @param entries the alternates by hand, in the stored order
 * @param chosen the channel being given alternates ({@code ?channel=}); null when none is chosen
 * @param query the search text; empty for no search
 * @param results channels of the proxy's sources the search found
 */
public record FailoverShown(
        String proxyId,
        String mergeBy,
        List<Entry> entries,
        @Nullable Named chosen,
        String query,
        List<Channel> results) {
    public FailoverShown {
        entries = List.copyOf(entries);
        results = List.copyOf(results);
    }

    /** One output channel and its alternates, tried in this order when its own stream cannot play. */
    public record Entry(Named channel, List<Named> alternates) {
        public Entry {
            alternates = List.copyOf(alternates);
        }
    }

    /**
     * A channel named by its id.
     *
     * @param name null when no stored channel has the id any more (its source dropped it)
     */
    public record Named(
            String id, @Nullable String name, @Nullable String group) {
        public String label() {
            return name == null ? id + " (gone)" : name;
        }
    }

    public List<String> mergeModes() {
        return Arrays.stream(MergeBy.values()).map(MergeBy::word).toList();
    }

    /** This page with the chosen channel and the search kept, for forms and links to come back to. */
    public String self(@Nullable String channel) {
        StringBuilder path = new StringBuilder("/proxies/" + proxyId + "/failover");
        String separator = "?";
        if (channel != null) {
            path.append(separator).append("channel=").append(channel);
            separator = "&";
        }
        if (!query.isEmpty()) {
            path.append(separator).append("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
        return path.toString();
    }
}
