package io.tvarr.ingest.m3u;

import java.util.HashSet;
import java.util.Set;

/**
 * Stable keys for playlist entries: tvg-id and title (providers rotate tokens in URLs, so the URL is the key only
 * when both are missing). A repeated key gets "#2", "#3"… in playlist order, which stays stable while the
 * playlist keeps its order. Remembers 64-bit hashes, not strings, to keep memory small.
 */
final class ChannelKeys {
    private final Set<Long> seen = new HashSet<>();

    String keyFor(String tvgId, String title, String url) {
        String base = tvgId.isEmpty() && title.isEmpty() ? url : tvgId + "|" + title;
        String key = base;
        for (int n = 2; !seen.add(hash(key)); n++) {
            key = base + "#" + n;
        }
        return key;
    }

    /** FNV-1a over the UTF-16 code units: as good a spread as over UTF-8, without encoding every key first. */
    private static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
