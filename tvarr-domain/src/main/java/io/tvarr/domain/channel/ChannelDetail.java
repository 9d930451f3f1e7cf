package io.tvarr.domain.channel;

import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSourceId;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A stored channel with what its guide says about it: the programme on air and the one after, from the guide channel
 * whose id is the channel's tvg-id.
 *
 * @param now the programme on air; null when none is
 * @param next the first programme starting after now (within the day ahead); null when the guide has none
 */
public record ChannelDetail(
        Channel channel,
        @Nullable EpgProgramme now,
        @Nullable EpgProgramme next) {

    /** The guide the programmes came from; empty when no guide holds programmes for the channel's tvg-id. */
    public Optional<EpgSourceId> guide() {
        EpgProgramme any = now != null ? now : next;
        return Optional.ofNullable(any).map(EpgProgramme::sourceId);
    }

    /** The guide channel id matched: the tvg-id, when a guide holds programmes for it. */
    public Optional<String> guideChannel() {
        return guide().map(source -> channel.tvgId());
    }
}
