package io.tvarr.domain.channel.service;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.channel.port.in.BrowseChannelsUseCase;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.source.SourceId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads channels for the API straight from the repository. */
public final class ChannelBrowser implements BrowseChannelsUseCase {
    private final ChannelRepository channels;

    public ChannelBrowser(ChannelRepository channels) {
        this.channels = channels;
    }

    @Override
    public Page<Channel> page(ChannelQuery query) {
        return channels.findPage(query);
    }

    @Override
    public List<GroupCount> groups(@Nullable SourceId source) {
        return channels.groups(source);
    }
}
