package io.tvarr.persistence.channel;

import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jspecify.annotations.Nullable;

/**
 * A source's channels counted per group while its replace writes them, stored in table {@code channel_group} (V31)
 * in the same transaction, so the group menu and a group's count read a few rows instead of every channel, and SQLite
 * builds no group index after each load. Lives for one replace.
 *
 * <p>A channel repeated within the replace overwrites the earlier one, whose group is not kept here: the first repeat
 * has the counts taken from the stored rows instead. Groups come stripped ({@code Channel}), so MySQL's collation,
 * which pads with spaces ({@code "News"} equals {@code "News "}), never meets two that Java counted apart.
 */
final class GroupCounts {
    private final Map<String, long[]> counts = new HashMap<>();
    private boolean recount;

    /** Counts a channel written as a new row. */
    void add(@Nullable String group) {
        if (group != null && !recount) {
            counts.computeIfAbsent(group, g -> new long[1])[0]++;
        }
    }

    /** A channel overwrote a row of this replace: the counts come from the stored rows. */
    void repeated() {
        recount = true;
        counts.clear();
    }

    /** Replaces the source's stored counts; call once its rows are all written. */
    void store(Handle handle, String source) {
        handle.createUpdate("DELETE FROM channel_group WHERE source_id = :source")
                .bind("source", source)
                .execute();
        if (recount) {
            handle.createUpdate("INSERT INTO channel_group (source_id, group_title, channels)"
                            + " SELECT source_id, group_title, COUNT(*) FROM channel"
                            + " WHERE source_id = :source AND group_title IS NOT NULL GROUP BY source_id, group_title")
                    .bind("source", source)
                    .execute();
        } else if (!counts.isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(
                    "INSERT INTO channel_group (source_id, group_title, channels) VALUES (?, ?, ?)");
            counts.forEach((group, count) -> batch.add(source, group, count[0]));
            batch.execute();
        }
    }
}
