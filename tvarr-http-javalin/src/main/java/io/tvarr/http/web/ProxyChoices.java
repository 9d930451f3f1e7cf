package io.tvarr.http.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a proxy may use, read fresh from the use cases each time a form or page asks. */
public final class ProxyChoices {
    private final WebUseCases useCases;

    ProxyChoices(WebUseCases useCases) {
        this.useCases = useCases;
    }

    public List<Choice> sources() {
        return useCases.sources().list().stream()
                .map(s -> new Choice(s.id().toString(), s.name()))
                .toList();
    }

    public List<Choice> guides() {
        return useCases.guides().list().stream()
                .map(s -> new Choice(s.id().toString(), s.name()))
                .toList();
    }

    public List<Choice> filters() {
        return useCases.filters().list().stream()
                .map(f -> new Choice(f.id().toString(), f.name()))
                .toList();
    }

    public List<Choice> rules() {
        return useCases.mappingRules().list().stream()
                .map(r -> new Choice(r.id().toString(), r.name()))
                .toList();
    }

    public List<Choice> relayProfiles() {
        return useCases.relayProfiles().list().stream()
                .map(p -> new Choice(p.id().toString(), p.name()))
                .toList();
    }

    /** The choices with the ticked ones first, in the proxy's order, so the form lists them as the proxy uses them. */
    public static List<Choice> inOrder(List<Choice> choices, List<String> ticked) {
        List<Choice> ordered = new java.util.ArrayList<>();
        for (String id : ticked) {
            choices.stream().filter(c -> c.id().equals(id)).findFirst().ifPresent(ordered::add);
        }
        choices.stream().filter(c -> !ticked.contains(c.id())).forEach(ordered::add);
        return ordered;
    }

    /** The names of the ids used, in their order; an id no choice has is shown as it is. */
    static List<String> names(List<Choice> choices, List<?> used) {
        Map<String, String> byId = choices.stream().collect(Collectors.toMap(Choice::id, Choice::name));
        return used.stream()
                .map(Object::toString)
                .map(id -> byId.getOrDefault(id, id))
                .toList();
    }
}
