package io.tvarr.domain.channel.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.channel.ChannelDetail;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.channel.port.in.DescribeChannelUseCase;
import io.tvarr.domain.channel.port.out.ChannelRepository;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.port.out.EpgRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds a channel and its now/next in the stored guides, by its tvg-id: players join playlist and guide on it, so it
 * is what a channel without a proxy's mapping rules is matched by.
 */
public final class ChannelDescriber implements DescribeChannelUseCase {
    /** How far ahead "next" is looked for: a guide with a longer gap has nothing useful to say. */
    private static final Duration AHEAD = Duration.ofDays(1);

    private final ChannelRepository channels;
    private final EpgRepository guides;
    private final Clock clock;

    public ChannelDescriber(ChannelRepository channels, EpgRepository guides, Clock clock) {
        this.channels = channels;
        this.guides = guides;
        this.clock = clock;
    }

    @Override
    public ChannelDetail describe(ChannelId id) {
        Channel channel =
                channels.findById(id).orElseThrow(() -> new NotFoundException("channel " + id + ": not found"));
        if (channel.tvgId() == null) {
            return new ChannelDetail(channel, null, null);
        }
        Instant at = clock.instant();
        // two programmes overlapping [now, now + a day), by start: the one on air (if any) and the one after it
        List<EpgProgramme> coming = guides.findProgrammes(null, channel.tvgId(), at, at.plus(AHEAD), 0, 2);
        @Nullable EpgProgramme now = null;
        @Nullable EpgProgramme next = null;
        for (EpgProgramme programme : coming) {
            if (!programme.start().isAfter(at) && now == null) {
                now = programme;
            } else if (next == null && (now == null || programme.sourceId().equals(now.sourceId()))) {
                next = programme;
            }
        }
        return new ChannelDetail(channel, now, next);
    }
}
