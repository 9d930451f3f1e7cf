package io.tvarr.expression;

import java.util.Arrays;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;

/** Groups 1..9 of the regex match that rules may refer to as $1..$9. Reused across records. */
final class Captures {
    private final @Nullable String[] groups = new String[10];

    void record(Matcher matcher) {
        Arrays.fill(groups, null);
        int count = Math.min(9, matcher.groupCount());
        for (int i = 1; i <= count; i++) {
            groups[i] = matcher.group(i);
        }
    }

    String group(int n) {
        String value = groups[n];
        return value == null ? "" : value;
    }

    @Nullable
    String[] snapshot() {
        return groups.clone();
    }

    void restore(@Nullable String[] snapshot) {
        System.arraycopy(snapshot, 0, groups, 0, groups.length);
    }

    void clear() {
        Arrays.fill(groups, null);
    }
}
