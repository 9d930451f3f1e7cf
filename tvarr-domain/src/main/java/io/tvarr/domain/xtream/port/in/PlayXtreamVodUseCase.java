package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.xtream.XtreamPlay;

/** Plays a movie or an episode of the user's proxy, within the user's and the provider's connection limits. */
public interface PlayXtreamVodUseCase {
    /**
     * Logs the user in, finds the item among what the proxy's door serves and plays it the way the proxy delivers:
     * a redirect proxy sends the player to the provider, any other relays the file's bytes as they come (each
     * player its own upstream connection, since players watch a file from different points).
     *
     * @throws io.tvarr.domain.NotFoundException when the door serves no such movie or episode
     */
    XtreamPlay play(PlayXtreamVodCommand command);
}
