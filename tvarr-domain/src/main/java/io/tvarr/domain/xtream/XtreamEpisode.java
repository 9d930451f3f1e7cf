package io.tvarr.domain.xtream;

import io.tvarr.domain.Checks;
import io.tvarr.domain.vod.VodEpisode;

/** An episode as the Xtream door lists it, under its door {@code id} (what {@code /series/...} plays). */
public record XtreamEpisode(int id, VodEpisode episode) {
    public XtreamEpisode {
        Checks.requireNonNull(episode, "episode");
    }

    public static XtreamEpisode of(VodEpisode episode) {
        return new XtreamEpisode(XtreamVodIds.episode(episode.sourceId(), episode.providerId()), episode);
    }
}
