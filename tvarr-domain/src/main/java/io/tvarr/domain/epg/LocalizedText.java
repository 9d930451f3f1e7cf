package io.tvarr.domain.epg;

import io.tvarr.domain.Checks;
import org.jspecify.annotations.Nullable;

/** A text with its optional language, as XMLTV gives titles and display names. */
public record LocalizedText(String text, @Nullable String lang) {
    public LocalizedText {
        text = Checks.requireNonNull(text, "text");
        lang = Checks.blankToNull(lang);
    }
}
