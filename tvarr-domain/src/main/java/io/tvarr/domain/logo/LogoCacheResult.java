package io.tvarr.domain.logo;

import java.util.Map;

/**
 * The outcome of caching a set of logo URLs.
 *
 * @param cached original URL to the cached file name ({@code sha256.ext})
 * @param failed original URL to the reason it could not be cached
 */
public record LogoCacheResult(Map<String, String> cached, Map<String, String> failed) {
    public LogoCacheResult {
        cached = Map.copyOf(cached);
        failed = Map.copyOf(failed);
    }
}
