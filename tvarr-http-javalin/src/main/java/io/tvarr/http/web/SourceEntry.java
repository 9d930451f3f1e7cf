package io.tvarr.http.web;

import org.jspecify.annotations.Nullable;

/**
 * A channel source or guide as the pages show it: credentials in its URL masked, never its password.
 *
 * @param kind the kind's wire word ({@code m3u}, {@code xtream}, {@code xmltv})
 */
public record SourceEntry(
        String id,
        String name,
        String kind,
        String url,
        @Nullable String username,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule) {}
