package io.tvarr.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean …" hints: the known name closest to a mistyped one by edit distance. */
public final class Suggestions {
    private Suggestions() {}

    /** The candidate with the smallest edit distance, if any is within {@code maxDistance}. */
    public static Optional<String> closest(String typed, Collection<String> candidates, int maxDistance) {
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(c, typed)).thenComparing(c -> c))
                .filter(c -> distance(c, typed) <= maxDistance);
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost one. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
