package io.tvarr.ingest.m3u;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One playlist entry.
 *
 * @param line line number of the entry's first line (the #EXTINF, or the URL when there is none)
 * @param duration the #EXTINF duration (-1 for live), 0 when absent
 * @param title the text after the first comma outside quotes; null without #EXTINF
 * @param attributes #EXTINF attributes in order; a repeated name keeps the last value
 * @param group the #EXTGRP value, if any
 * @param options #EXTVLCOPT options (http-user-agent, http-referrer, http-origin, …) by name
 * @param kodiProperties #KODIPROP lines (without the prefix) in order
 */
public record M3uEntry(
        int line,
        double duration,
        @Nullable String title,
        Map<String, String> attributes,
        @Nullable String group,
        Map<String, String> options,
        List<String> kodiProperties,
        String url) {
    public M3uEntry {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        options = Map.copyOf(options);
        kodiProperties = List.copyOf(kodiProperties);
    }
}
