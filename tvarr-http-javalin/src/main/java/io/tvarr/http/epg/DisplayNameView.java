package io.tvarr.http.epg;

import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.epg.LocalizedText;
import org.jspecify.annotations.Nullable;

/** A guide channel's name in one language; {@code lang} is null when the guide does not say. */
record DisplayNameView(
        String text, @OpenApiNullable @Nullable String lang) {
    static DisplayNameView of(LocalizedText name) {
        return new DisplayNameView(name.text(), name.lang());
    }
}
