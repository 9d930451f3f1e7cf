package io.tvarr.domain.channel.port.in;

import io.tvarr.domain.Page;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelQuery;
import io.tvarr.domain.channel.GroupCount;
import io.tvarr.domain.source.SourceId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Pages through stored channels and their groups. */
public interface BrowseChannelsUseCase {
    Page<Channel> page(ChannelQuery query);

    List<GroupCount> groups(@Nullable SourceId source);
}
