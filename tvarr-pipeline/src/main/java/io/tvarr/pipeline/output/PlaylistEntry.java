package io.tvarr.pipeline.output;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One channel as it appears in a published playlist.
 *
 * @param attributes further #EXTINF attributes (catchup, tvg-shift, …) written after the standard ones
 * @param vlcOptions written as #EXTVLCOPT lines (http-user-agent, http-referrer, http-origin)
 */
public record PlaylistEntry(
        @Nullable String tvgId,
        @Nullable String tvgName,
        @Nullable String tvgLogo,
        @Nullable String channelNumber,
        @Nullable String group,
        String name,
        String url,
        Map<String, String> attributes,
        Map<String, String> vlcOptions) {
    public PlaylistEntry {
        attributes = Map.copyOf(attributes);
        vlcOptions = Map.copyOf(vlcOptions);
    }
}
