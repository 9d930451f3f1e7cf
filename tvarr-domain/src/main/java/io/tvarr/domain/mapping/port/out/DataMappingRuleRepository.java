package io.tvarr.domain.mapping.port.out;

import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.domain.mapping.MappingRuleId;
import java.util.List;
import java.util.Optional;

/** Stores mapping rules. */
public interface DataMappingRuleRepository {
    void insert(DataMappingRule rule);

    void update(DataMappingRule rule);

    /** Rewrites the positions of all given rules in one transaction. */
    void updatePositions(List<DataMappingRule> rules);

    boolean delete(MappingRuleId id);

    Optional<DataMappingRule> findById(MappingRuleId id);

    /** All rules ordered by position. */
    List<DataMappingRule> findAll();
}
