package io.tvarr.domain.epg;

import io.tvarr.domain.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A channel as a guide describes it; {@code id} is what programmes and M3U tvg-ids refer to. */
public record EpgChannel(
        EpgSourceId sourceId,
        String id,
        List<LocalizedText> displayNames,
        @Nullable String iconUrl,
        @Nullable String url) {
    public EpgChannel {
        Checks.requireNonNull(sourceId, "source_id");
        id = Checks.requireText(id, "channel id");
        displayNames = List.copyOf(displayNames);
        iconUrl = Checks.blankToNull(iconUrl);
        url = Checks.blankToNull(url);
    }

    /** The first display name, or the id when the guide gives none. */
    public String primaryName() {
        return displayNames.isEmpty() ? id : displayNames.get(0).text();
    }
}
