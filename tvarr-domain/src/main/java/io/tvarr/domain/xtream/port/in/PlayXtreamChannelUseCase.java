package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.xtream.XtreamPlay;

/** Plays a channel of the user's proxy by its stream id, within the user's connection limit. */
public interface PlayXtreamChannelUseCase {
    /**
     * Logs the user in, finds the channel in the proxy's published lineup and plays it as the proxy delivers it.
     * A {@link io.tvarr.domain.relay.port.in.Playback.Stream} counts against the user's limit from the start of its
     * transfer to its end, on top of the provider limits the relay keeps.
     *
     * @throws io.tvarr.domain.NotFoundException when the lineup has no such stream id
     */
    XtreamPlay play(PlayXtreamChannelCommand command);
}
