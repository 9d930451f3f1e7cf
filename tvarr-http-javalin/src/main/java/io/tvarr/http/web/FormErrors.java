package io.tvarr.http.web;

import io.tvarr.domain.TvarrException;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A refused form's messages: the domain names the field a message is about ({@code "url: …"}), so the message is
 * shown next to that field; a message about no field of the form is shown above it.
 */
public record FormErrors(
        Map<String, String> byField, @Nullable String general) {
    public static final FormErrors NONE = new FormErrors(Map.of(), null);

    public FormErrors {
        byField = Map.copyOf(byField);
    }

    /** Files the message under the field it starts with when the form has that field. */
    static FormErrors of(TvarrException e, Set<String> fields) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int colon = message.indexOf(':');
        if (colon > 0) {
            String field = message.substring(0, colon).trim();
            if (fields.contains(field)) {
                return new FormErrors(Map.of(field, message), null);
            }
        }
        return new FormErrors(Map.of(), message);
    }

    public @Nullable String of(String field) {
        return byField.get(field);
    }

    public boolean any() {
        return general != null || !byField.isEmpty();
    }
}
