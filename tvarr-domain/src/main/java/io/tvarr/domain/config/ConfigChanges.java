package io.tvarr.domain.config;

import java.util.List;

/**
 * What an apply changed, in the order it did, or with {@code dryRun} what it would change. Empty when the instance
 * already matched the document.
 */
public record ConfigChanges(List<ConfigChange> changes, boolean dryRun) {
    public ConfigChanges {
        changes = List.copyOf(changes);
    }

    public boolean none() {
        return changes.isEmpty();
    }
}
