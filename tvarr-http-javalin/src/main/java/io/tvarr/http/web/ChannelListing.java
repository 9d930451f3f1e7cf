package io.tvarr.http.web;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.GroupCount;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** One page of channels with the search that found them, and links to the pages around it. */
public record ChannelListing(Page<Channel> page, String text, String group, List<GroupCount> groups) {
    public ChannelListing {
        groups = List.copyOf(groups);
    }

    public long pages() {
        return Math.max(1, (page.total() + page.size() - 1) / page.size());
    }

    public boolean hasPrevious() {
        return page.page() > 0;
    }

    public boolean hasNext() {
        return page.page() + 1 < pages();
    }

    /** The link to another page of the same search. */
    public String link(int to) {
        return "/channels?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&group="
                + URLEncoder.encode(group, StandardCharsets.UTF_8) + "&page=" + to;
    }
}
