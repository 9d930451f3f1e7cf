package io.tvarr.expression;

import java.util.List;

/** Mapping rules in order; each sees the previous rules' changes, and a matching stop-on-match rule ends the chain. */
public final class RuleChain {
    /** One rule of the chain. */
    public record Link(CompiledRule rule, boolean stopOnMatch) {}

    private final Link[] links;

    public RuleChain(List<Link> links) {
        this.links = links.toArray(Link[]::new);
    }

    public boolean isEmpty() {
        return links.length == 0;
    }

    /** Applies the chain; returns how many rules matched. */
    public int apply(FieldValues record, EvaluationContext context) {
        int matched = 0;
        for (Link link : links) {
            if (link.rule().apply(record, context)) {
                matched++;
                if (link.stopOnMatch()) {
                    break;
                }
            }
        }
        return matched;
    }
}
