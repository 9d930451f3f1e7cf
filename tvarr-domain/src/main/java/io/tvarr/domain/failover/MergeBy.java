package io.tvarr.domain.failover;

import io.tvarr.domain.ValidationException;
import java.util.Locale;

/** How a proxy recognises the same channel in several of its sources, to merge them into one output channel. */
public enum MergeBy {
    /** Every channel is its own output channel (the default). */
    NONE,
    /** Channels with the same tvg-id (case-insensitive); channels without one are never merged. */
    TVG_ID,
    /** Channels with the same normalised name (case, accents, punctuation and spacing ignored). */
    NAME,
    /** The tvg-id where a channel has one, else its normalised name. */
    TVG_ID_OR_NAME;

    /** The API's word for it: {@code none}, {@code tvg_id}, {@code name}, {@code tvg_id_or_name}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MergeBy ofWord(String word) {
        for (MergeBy value : values()) {
            if (value.word().equals(word)) {
                return value;
            }
        }
        throw new ValidationException("mergeBy: '" + word + "' (expected: none, tvg_id, name or tvg_id_or_name)");
    }
}
