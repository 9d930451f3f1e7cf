package io.tvarr.domain.channel;

import io.tvarr.domain.Checks;
import io.tvarr.domain.source.SourceId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A channel as ingested from one source.
 *
 * @param externalKey the provider's stable key: {@code live:<stream id>} for Xtream, {@code m3u:<tvg-id>|<URL path>}
 *     for M3U (see the README's channel identity)
 * @param tvgChno channel number as given by the provider, kept as text ("101", "5.1")
 * @param attributes every other attribute: catchup settings, http headers, unknown M3U attributes
 */
public record Channel(
        ChannelId id,
        SourceId sourceId,
        String externalKey,
        @Nullable String tvgId,
        @Nullable String tvgName,
        @Nullable String tvgChno,
        String name,
        @Nullable String group,
        @Nullable String logoUrl,
        String streamUrl,
        Map<String, String> attributes) {

    public Channel {
        Checks.requireNonNull(id, "id");
        Checks.requireNonNull(sourceId, "source_id");
        externalKey = Checks.requireText(externalKey, "external_key");
        tvgId = Checks.blankToNull(tvgId);
        tvgName = Checks.blankToNull(tvgName);
        tvgChno = Checks.blankToNull(tvgChno);
        name = Checks.requireText(name, "name");
        group = Checks.blankToNull(group);
        logoUrl = Checks.blankToNull(logoUrl);
        streamUrl = Checks.requireText(streamUrl, "stream_url");
        attributes = Map.copyOf(attributes);
    }

    /** Builds a channel whose id is derived from its source and external key. */
    public static Channel of(
            SourceId sourceId,
            String externalKey,
            @Nullable String tvgId,
            @Nullable String tvgName,
            @Nullable String tvgChno,
            String name,
            @Nullable String group,
            @Nullable String logoUrl,
            String streamUrl,
            Map<String, String> attributes) {
        return new Channel(
                ChannelId.of(sourceId, externalKey),
                sourceId,
                externalKey,
                tvgId,
                tvgName,
                tvgChno,
                name,
                group,
                logoUrl,
                streamUrl,
                attributes);
    }

    /** The same channel under another id: one it had before its key's scheme changed ({@link StableChannelIds}). */
    public Channel withId(ChannelId kept) {
        return new Channel(
                kept, sourceId, externalKey, tvgId, tvgName, tvgChno, name, group, logoUrl, streamUrl, attributes);
    }

    public @Nullable String attribute(String key) {
        return attributes.get(key);
    }
}
