package io.tvarr.domain.channel;

import io.tvarr.domain.Ids;
import io.tvarr.domain.source.SourceId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a channel. Derived from the source and the provider's stable key, so the same provider
 * entry keeps its id across refreshes and numbering, mappings and favourites survive.
 */
public record ChannelId(UUID value) {
    public ChannelId {
        Objects.requireNonNull(value, "value");
    }

    public static ChannelId of(SourceId source, String externalKey) {
        byte[] name = (source.value() + "\u0000" + externalKey).getBytes(StandardCharsets.UTF_8);
        return new ChannelId(UUID.nameUUIDFromBytes(name));
    }

    public static ChannelId parse(String text) {
        return new ChannelId(Ids.parseUuid(text, "channel id"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
