package io.tvarr.domain.xtream;

import io.tvarr.domain.Checks;
import io.tvarr.domain.vod.VodSeries;

/** A series of a proxy's Xtream sources as the Xtream door lists it, under its door {@code series_id}. */
public record XtreamShow(int seriesId, VodSeries series) {
    public XtreamShow {
        Checks.requireNonNull(series, "series");
    }

    public static XtreamShow of(VodSeries series) {
        return new XtreamShow(XtreamVodIds.series(series.sourceId(), series.providerId()), series);
    }
}
