package io.tvarr.domain.config;

import io.tvarr.domain.ValidationException;
import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * A channel of a proxy as a document names it, the same in every instance: a source's channel by the source's name
 * and the provider's key for it ({@code source}, {@code key}), or a channel added by hand to the proxy by its id
 * ({@code manual}). Exactly one of the two forms.
 */
public record ChannelRef(
        @Nullable String source,
        @Nullable String key,
        @Nullable String manual) {
    /** By source, then key; channels added by hand last, by id. */
    public static final Comparator<ChannelRef> ORDER = Comparator.comparing((ChannelRef r) -> r.manual != null)
            .thenComparing(r -> r.source == null ? "" : r.source)
            .thenComparing(r -> r.key == null ? "" : r.key)
            .thenComparing(r -> r.manual == null ? "" : r.manual);

    public ChannelRef {
        boolean bySource = source != null || key != null;
        if (bySource == (manual != null)) {
            throw new ValidationException(
                    "channel: give either source and key, or manual (the id of a channel added" + " by hand)");
        }
        if (bySource && (source == null || source.isBlank() || key == null || key.isEmpty())) {
            throw new ValidationException("channel: give both source and key");
        }
    }

    public static ChannelRef of(String source, String key) {
        return new ChannelRef(source, key, null);
    }

    public static ChannelRef manual(String id) {
        return new ChannelRef(null, null, id);
    }

    /** {@code My Provider/1234}, or {@code manual/<id>}: how a change names the channel. */
    public String describe() {
        return manual != null ? "manual/" + manual : source + "/" + key;
    }
}
