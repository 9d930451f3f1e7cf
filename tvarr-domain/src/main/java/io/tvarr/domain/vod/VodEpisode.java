package io.tvarr.domain.vod;

import io.tvarr.domain.Checks;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.source.SourceId;
import org.jspecify.annotations.Nullable;

/**
 * An episode of a series of an Xtream source, as its panel's {@code get_series_info} lists it.
 *
 * @param seriesId the panel's {@code series_id} of its series
 * @param providerId the panel's episode {@code id}, as text
 * @param season the season it is listed under, 0 and up
 * @param episode its {@code episode_num}, null when the panel gives none
 * @param panelJson the panel's element as it sent it (a JSON object)
 */
public record VodEpisode(
        SourceId sourceId,
        String seriesId,
        String providerId,
        int season,
        @Nullable Integer episode,
        String title,
        @Nullable String container,
        String panelJson) {
    public VodEpisode {
        Checks.requireNonNull(sourceId, "source_id");
        seriesId = Checks.requireText(seriesId, "series_id");
        providerId = Checks.requireText(providerId, "id");
        if (season < 0) {
            throw new ValidationException("season: " + season + " (expected: 0 or more)");
        }
        title = Checks.requireNonNull(title, "title");
        container = Checks.blankToNull(container);
        panelJson = Checks.requireText(panelJson, "panel_json");
    }
}
