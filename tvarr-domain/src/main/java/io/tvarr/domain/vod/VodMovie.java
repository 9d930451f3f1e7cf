package io.tvarr.domain.vod;

import io.tvarr.domain.Checks;
import io.tvarr.domain.source.SourceId;
import org.jspecify.annotations.Nullable;

/**
 * A movie of an Xtream source, as its panel's {@code get_vod_streams} lists it.
 *
 * @param providerId the panel's {@code stream_id}, as text
 * @param category the name of its panel category, null when it has none
 * @param container the file extension the panel serves it in ({@code container_extension}), null when not said
 * @param panelJson the panel's element as it sent it (a JSON object): the Xtream door answers with its fields, so
 *     values keep the types the panel gave them
 */
public record VodMovie(
        SourceId sourceId,
        String providerId,
        String name,
        @Nullable String category,
        @Nullable String icon,
        @Nullable String container,
        String panelJson) {
    public VodMovie {
        Checks.requireNonNull(sourceId, "source_id");
        providerId = Checks.requireText(providerId, "stream_id");
        name = Checks.requireText(name, "name");
        category = Checks.blankToNull(category);
        icon = Checks.blankToNull(icon);
        container = Checks.blankToNull(container);
        panelJson = Checks.requireText(panelJson, "panel_json");
    }
}
