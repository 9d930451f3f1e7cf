package io.tvarr.domain.mapping.service;

import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.filter.InvalidExpressionException;
import io.tvarr.domain.filter.port.out.ExpressionLanguage;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import io.tvarr.domain.mapping.port.in.ManageMappingRulesUseCase;
import io.tvarr.domain.mapping.port.in.SaveMappingRuleCommand;
import io.tvarr.domain.mapping.port.out.DataMappingRuleRepository;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Mapping rule management; nothing invalid is ever stored. */
public final class MappingRuleService implements ManageMappingRulesUseCase {
    private final DataMappingRuleRepository rules;
    private final ExpressionLanguage language;

    public MappingRuleService(DataMappingRuleRepository rules, ExpressionLanguage language) {
        this.rules = rules;
        this.language = language;
    }

    @Override
    public DataMappingRule create(SaveMappingRuleCommand command) {
        int next = rules.findAll().stream()
                        .mapToInt(DataMappingRule::position)
                        .max()
                        .orElse(-1)
                + 1;
        DataMappingRule rule = build(MappingRuleId.random(), command, next);
        rules.insert(rule);
        return rule;
    }

    @Override
    public DataMappingRule update(MappingRuleId id, SaveMappingRuleCommand command) {
        DataMappingRule rule = build(id, command, get(id).position());
        rules.update(rule);
        return rule;
    }

    @Override
    public void delete(MappingRuleId id) {
        if (!rules.delete(id)) {
            throw new NotFoundException("mapping rule " + id + ": not found");
        }
    }

    @Override
    public DataMappingRule get(MappingRuleId id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("mapping rule " + id + ": not found"));
    }

    @Override
    public List<DataMappingRule> list() {
        return rules.findAll();
    }

    @Override
    public List<DataMappingRule> reorder(List<MappingRuleId> order) {
        Map<MappingRuleId, DataMappingRule> existing =
                rules.findAll().stream().collect(Collectors.toMap(DataMappingRule::id, Function.identity()));
        if (new HashSet<>(order).size() != order.size()) {
            throw new ValidationException("order: names a rule more than once");
        }
        if (!existing.keySet().equals(new HashSet<>(order))) {
            throw new ValidationException("order: must name every rule exactly once (" + existing.size() + " rules, "
                    + order.size() + " given)");
        }
        List<DataMappingRule> reordered = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            reordered.add(existing.get(order.get(i)).atPosition(i));
        }
        rules.updatePositions(reordered);
        return reordered;
    }

    private DataMappingRule build(MappingRuleId id, SaveMappingRuleCommand command, int position) {
        DataMappingRule rule = new DataMappingRule(
                id,
                command.name(),
                command.domain(),
                command.expression(),
                command.enabled(),
                position,
                command.stopOnMatch());
        language.validate(rule.domain(), rule.expression()).ifPresent(problem -> {
            throw new InvalidExpressionException("expression", problem);
        });
        return rule;
    }
}
