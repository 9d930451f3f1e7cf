package io.tvarr.domain.mapping.port.in;

import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import java.util.List;

/** Create, change, reorder, remove and list mapping rules; expressions are validated before storing. */
public interface ManageMappingRulesUseCase {
    /** Adds the rule after every existing one. */
    DataMappingRule create(SaveMappingRuleCommand command);

    DataMappingRule update(MappingRuleId id, SaveMappingRuleCommand command);

    void delete(MappingRuleId id);

    DataMappingRule get(MappingRuleId id);

    /** Every rule, in application order. */
    List<DataMappingRule> list();

    /** Puts the rules in the given order, which must name every rule exactly once. */
    List<DataMappingRule> reorder(List<MappingRuleId> order);
}
