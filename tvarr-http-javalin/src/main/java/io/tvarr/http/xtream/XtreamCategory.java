package io.tvarr.http.xtream;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A proxy group as an Xtream live category. Its id is derived from the group's name, so it stays the same across
 * regenerations and restarts without being stored; a channel without a group is in "Uncategorised".
 */
record XtreamCategory(String id, String name) {
    static final String UNCATEGORISED = "Uncategorised";

    static XtreamCategory of(@Nullable String group) {
        String name = group == null || group.isBlank() ? UNCATEGORISED : group;
        UUID hash = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        // 31 bits as panels' categories are positive ints sent as strings; clients parse either form
        int id = (int) (hash.getMostSignificantBits() >>> 33);
        return new XtreamCategory(Integer.toString(id == 0 ? 1 : id), name);
    }
}
