package io.tvarr.domain.xtream.port.in;

import io.tvarr.domain.xtream.XtreamPlay;

/** Plays a channel's past from its provider's archive (catch-up), within the user's and the provider's limits. */
public interface PlayXtreamTimeshiftUseCase {
    /**
     * Logs the user in, finds the channel in the proxy's published lineup and plays the provider's timeshift stream
     * for that window, redirected or relayed as the proxy delivers.
     *
     * @throws io.tvarr.domain.NotFoundException when the lineup has no such stream, or its source offers no
     *     catch-up for it (only Xtream sources' channels with {@code tv_archive} have one)
     */
    XtreamPlay play(PlayXtreamTimeshiftCommand command);
}
