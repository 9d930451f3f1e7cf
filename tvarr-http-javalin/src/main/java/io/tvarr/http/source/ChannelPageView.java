package io.tvarr.http.source;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import java.util.List;

/** One page of channels. */
record ChannelPageView(List<ChannelView> items, int page, int size, long total) {
    static ChannelPageView of(Page<Channel> page) {
        return new ChannelPageView(
                page.items().stream().map(ChannelView::of).toList(), page.page(), page.size(), page.total());
    }
}
