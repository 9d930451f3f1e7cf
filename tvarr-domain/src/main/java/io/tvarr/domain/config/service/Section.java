package io.tvarr.domain.config.service;

import io.tvarr.domain.config.ConfigChange;
import io.tvarr.domain.config.ConfigChange.Action;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One kind of named entity being brought to match the document: which to create, update and (with prune)
 * delete, and the doing of it unless the run is dry. Deletions wait for {@link #prune}, so what still refers to an
 * entity can change first.
 */
final class Section<C extends Record> {
    private final String kind;
    private final Function<C, String> name;
    private final List<ConfigChange> changes;
    private final boolean dryRun;
    private final List<C> gone = new ArrayList<>();

    Section(String kind, Function<C, String> name, List<ConfigChange> changes, boolean dryRun) {
        this.kind = kind;
        this.name = name;
        this.changes = changes;
        this.dryRun = dryRun;
    }

    /** Creates and updates what differs; remembers what the document does not name for {@link #prune}. */
    void match(List<C> desired, List<C> current, boolean prune, Consumer<C> create, Consumer<C> update) {
        Map<String, C> now = new LinkedHashMap<>();
        current.forEach(c -> now.put(name.apply(c), c));
        Set<String> named = new HashSet<>();
        for (C want : desired) {
            named.add(name.apply(want));
            C have = now.get(name.apply(want));
            if (have == null) {
                changes.add(new ConfigChange(Action.CREATE, kind, name.apply(want), List.of()));
                if (!dryRun) {
                    create.accept(want);
                }
            } else if (!have.equals(want)) {
                changes.add(new ConfigChange(Action.UPDATE, kind, name.apply(want), Differences.between(have, want)));
                if (!dryRun) {
                    update.accept(want);
                }
            }
        }
        if (prune) {
            current.stream().filter(c -> !named.contains(name.apply(c))).forEach(gone::add);
        }
    }

    /** Deletes what {@link #match} found the document does not name. */
    void prune(Consumer<C> delete) {
        for (C have : gone) {
            changes.add(new ConfigChange(Action.DELETE, kind, name.apply(have), List.of()));
            if (!dryRun) {
                delete.accept(have);
            }
        }
    }

    Set<String> pruned() {
        Set<String> names = new HashSet<>();
        gone.forEach(c -> names.add(name.apply(c)));
        return names;
    }
}
