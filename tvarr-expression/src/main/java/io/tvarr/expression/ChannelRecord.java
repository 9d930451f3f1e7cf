package io.tvarr.expression;

import io.tvarr.domain.channel.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A reusable mutable view of a channel for evaluation. Fields without a component of their own live in the
 * channel's attributes under their M3U names: {@code tvg-shift}, {@code tvg-language}, {@code tvg-country},
 * {@code radio} and {@code is-adult}. {@code source_*} fields come from the source and are read-only. Not
 * thread-safe: one per thread, {@link #load} per channel.
 */
public final class ChannelRecord implements FieldValues {
    /**
     * Attribute keys of the fields kept in {@link Channel#attributes()}, in the order of their field slots from
     * {@link #FIRST_ATTRIBUTE_SLOT} on. An array, not a map: it is walked twice per channel of every generation.
     */
    private static final String[] ATTRIBUTE_FIELDS = {"tvg-shift", "tvg-language", "tvg-country", "radio", "is-adult"};

    private static final int FIRST_ATTRIBUTE_SLOT = 7;

    private final @Nullable String[] values = new String[FieldRegistry.CHANNELS.size()];
    private @Nullable Channel channel;
    private boolean changed;

    /** Loads a channel and the source it came from. */
    public ChannelRecord load(Channel channel, String sourceName, String sourceType, String sourceUrl) {
        this.channel = channel;
        this.changed = false;
        values[0] = channel.name();
        values[1] = channel.tvgId();
        values[2] = channel.tvgName();
        values[3] = channel.logoUrl();
        values[4] = channel.group();
        values[5] = channel.streamUrl();
        values[6] = channel.tvgChno();
        Map<String, String> attributes = channel.attributes();
        for (int i = 0; i < ATTRIBUTE_FIELDS.length; i++) {
            // most channels have none of them: no lookups then
            values[FIRST_ATTRIBUTE_SLOT + i] = attributes.isEmpty() ? null : attributes.get(ATTRIBUTE_FIELDS[i]);
        }
        values[12] = sourceName;
        values[13] = sourceType;
        values[14] = sourceUrl;
        return this;
    }

    @Override
    public @Nullable String get(int index) {
        return values[index];
    }

    @Override
    public void set(int index, @Nullable String value) {
        values[index] = value;
        changed = true;
    }

    /** The channel with every change applied; the loaded instance itself when nothing changed. */
    public Channel toChannel() {
        Channel original = channel;
        if (original == null) {
            throw new IllegalStateException("no channel loaded");
        }
        if (!changed) {
            return original;
        }
        Map<String, String> attributes = new LinkedHashMap<>(original.attributes());
        for (int i = 0; i < ATTRIBUTE_FIELDS.length; i++) {
            String value = values[FIRST_ATTRIBUTE_SLOT + i];
            if (value == null || value.isBlank()) {
                attributes.remove(ATTRIBUTE_FIELDS[i]);
            } else {
                attributes.put(ATTRIBUTE_FIELDS[i], value);
            }
        }
        String name = values[0];
        return new Channel(
                original.id(),
                original.sourceId(),
                original.externalKey(),
                values[1],
                values[2],
                values[6],
                name == null || name.isBlank() ? original.name() : name,
                values[4],
                values[3],
                original.streamUrl(),
                attributes);
    }
}
