package io.tvarr.domain.channel;

import io.tvarr.domain.source.SourceId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the channel ids that players, lineups and per-proxy overrides already know when the way keys are made
 * changes. A new channel's id is derived from its source and key ({@link ChannelId#of}); a refresh hands an older id
 * on instead when:
 * <ul>
 *   <li>a stored channel carries an id not derived from its key (one handed on before): the fresh channel with
 *       that key keeps it;
 *   <li>a stored M3U channel still has a key of the scheme before {@value #M3U_KEY_PREFIX} keys (tvg-id and title):
 *       the fresh channel with the same stream URL, else the same tvg-id and name, takes its id (once).
 * </ul>
 * Each stored id goes to one fresh channel at most. Holds only the stored channels that need it: after the first
 * refresh under the new scheme that is the carried ones. Not thread-safe: one per refresh.
 */
public final class StableChannelIds {
    /** Every M3U key of the current scheme starts so; a stored key without it is of the earlier scheme. */
    public static final String M3U_KEY_PREFIX = "m3u:";

    private final Map<String, ChannelId> carried = new HashMap<>();
    private final Map<String, ChannelId> legacyByUrl = new HashMap<>();
    private final Map<String, ChannelId> legacyByKey = new HashMap<>();
    private final Set<ChannelId> handedOn = new HashSet<>();

    /** Notes a channel stored before the refresh; call for each before the first {@link #assign}. */
    public void remember(Channel stored) {
        remember(stored.sourceId(), StoredChannelKey.of(stored));
    }

    /** {@link #remember(Channel)} from the stored id, key and URL alone, for a channel of {@code source}. */
    public void remember(SourceId source, StoredChannelKey stored) {
        if (!stored.externalKey().startsWith(M3U_KEY_PREFIX)) {
            legacyByUrl.putIfAbsent(stored.streamUrl(), stored.id());
            legacyByKey.putIfAbsent(stored.externalKey(), stored.id());
        } else if (!stored.id().equals(ChannelId.of(source, stored.externalKey()))) {
            carried.put(stored.externalKey(), stored.id());
        }
    }

    /** The fresh channel with the id it keeps: a carried or earlier-scheme id, else its own. */
    public Channel assign(Channel fresh) {
        ChannelId kept = carried.get(fresh.externalKey());
        if (kept == null) {
            kept = legacy(fresh);
        }
        return kept == null || !handedOn.add(kept) ? fresh : fresh.withId(kept);
    }

    /** How many stored channels may hand their id on. */
    public int size() {
        return carried.size() + legacyByKey.size();
    }

    private @Nullable ChannelId legacy(Channel fresh) {
        if (legacyByKey.isEmpty()) {
            return null;
        }
        ChannelId byUrl = legacyByUrl.get(fresh.streamUrl());
        if (byUrl != null && !handedOn.contains(byUrl)) {
            return byUrl;
        }
        String tvgId = fresh.tvgId() == null ? "" : fresh.tvgId();
        return legacyByKey.get(tvgId + "|" + fresh.name());
    }
}
