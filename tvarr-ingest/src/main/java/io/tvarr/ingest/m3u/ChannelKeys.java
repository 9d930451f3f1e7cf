package io.tvarr.ingest.m3u;

import io.tvarr.domain.channel.StableChannelIds;

/**
 * Stable keys for playlist entries: {@code m3u:<tvg-id>|<stable part of the URL>} ({@link StreamLocation}). The name
 * is not part of it, so a renamed channel keeps its key; nor are the scheme, host, user info, credential query
 * parameters and the account segments of Xtream paths, so a rotated token or a moved CDN keep it too. A repeated key
 * gets "#2", "#3"… in playlist order, which stays stable while the playlist keeps its order. Remembers 64-bit
 * hashes, not strings, to keep memory small.
 */
final class ChannelKeys {
    static final String PREFIX = StableChannelIds.M3U_KEY_PREFIX;

    private final SeenHashes seen = new SeenHashes();

    String keyFor(String tvgId, String url) {
        String base = PREFIX + tvgId + "|" + StreamLocation.stablePart(url);
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
