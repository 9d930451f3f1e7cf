package io.tvarr.ingest.m3u;

import java.util.Map;

/** Receives a playlist as it is parsed. */
public interface M3uListener {
    /** The #EXTM3U header attributes (url-tvg, x-tvg-url, tvg-shift, …); called at most once, before entries. */
    default void header(Map<String, String> attributes) {}

    void entry(M3uEntry entry);

    /** An entry that could not be used; parsing goes on. */
    default void malformed(int line, String reason) {}
}
