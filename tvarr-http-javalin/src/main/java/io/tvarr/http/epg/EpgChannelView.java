package io.tvarr.http.epg;

import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.epg.EpgChannel;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A guide channel; its icon URL is masked, as provider URLs can carry credentials. */
record EpgChannelView(
        String sourceId,
        String id,
        List<DisplayNameView> displayNames,
        @OpenApiNullable @Nullable String iconUrl) {
    static EpgChannelView of(EpgChannel c) {
        return new EpgChannelView(
                c.sourceId().toString(),
                c.id(),
                c.displayNames().stream().map(DisplayNameView::of).toList(),
                c.iconUrl() == null ? null : Redaction.redactUrl(c.iconUrl()));
    }
}
