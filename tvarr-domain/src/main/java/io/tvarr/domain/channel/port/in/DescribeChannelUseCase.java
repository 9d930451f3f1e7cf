package io.tvarr.domain.channel.port.in;

import io.tvarr.domain.channel.ChannelDetail;
import io.tvarr.domain.channel.ChannelId;

/** One stored channel with its guide match and what is on now and next. */
public interface DescribeChannelUseCase {
    /** @throws io.tvarr.domain.NotFoundException when no channel has the id */
    ChannelDetail describe(ChannelId id);
}
