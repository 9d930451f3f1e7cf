package io.tvarr.domain.xtream;

import io.tvarr.domain.source.SourceId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ids the Xtream door gives movies, series and episodes: 31 bits derived from the source and the panel's own id,
 * so they are the same after every re-ingestion and restart without being stored, and a player's favourites and
 * resume points survive. Each kind has its own name space, as on a panel.
 */
public final class XtreamVodIds {
    private XtreamVodIds() {}

    public static int movie(SourceId source, String providerId) {
        return derive("movie", source, providerId);
    }

    public static int series(SourceId source, String providerId) {
        return derive("series", source, providerId);
    }

    public static int episode(SourceId source, String providerId) {
        return derive("episode", source, providerId);
    }

    private static int derive(String kind, SourceId source, String providerId) {
        UUID hash = UUID.nameUUIDFromBytes((kind + ':' + source + ':' + providerId).getBytes(StandardCharsets.UTF_8));
        long bits = hash.getMostSignificantBits() ^ hash.getLeastSignificantBits();
        int id = (int) (bits ^ (bits >>> 32)) & 0x7fffffff;
        return id == 0 ? 1 : id;
    }
}
