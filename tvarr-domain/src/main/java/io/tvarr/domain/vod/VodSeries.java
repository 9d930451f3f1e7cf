package io.tvarr.domain.vod;

import io.tvarr.domain.Checks;
import io.tvarr.domain.source.SourceId;
import org.jspecify.annotations.Nullable;

/**
 * A series of an Xtream source, as its panel's {@code get_series} lists it.
 *
 * @param providerId the panel's {@code series_id}, as text
 * @param category the name of its panel category, null when it has none
 * @param panelJson the panel's element as it sent it (a JSON object)
 */
public record VodSeries(
        SourceId sourceId,
        String providerId,
        String name,
        @Nullable String category,
        @Nullable String cover,
        String panelJson) {
    public VodSeries {
        Checks.requireNonNull(sourceId, "source_id");
        providerId = Checks.requireText(providerId, "series_id");
        name = Checks.requireText(name, "name");
        category = Checks.blankToNull(category);
        cover = Checks.blankToNull(cover);
        panelJson = Checks.requireText(panelJson, "panel_json");
    }
}
