package io.tvarr.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.mapping.DataMappingRule;
import io.tvarr.expression.Expressions;
import io.tvarr.persistence.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The filters and rules the migrations install must be valid in the language they are written in. */
class DefaultRulesIT {
    @TempDir
    Path dir;

    @Test
    void every_installed_default_is_a_valid_expression() {
        try (TestDatabase database = TestDatabase.sqlite(dir)) {
            database.persistence().migrate();
            List<Filter> filters = database.persistence().filters().findAll();
            List<DataMappingRule> rules = database.persistence().mappingRules().findAll();

            assertThat(filters).extracting(Filter::name).contains("All HTTP streams", "No adult channels");
            assertThat(rules).hasSize(6);
            filters.forEach(f -> assertThat(Expressions.validate(f.domain(), f.expression()))
                    .as(f.name())
                    .isEmpty());
            rules.forEach(r -> assertThat(Expressions.validate(r.domain(), r.expression()))
                    .as(r.name())
                    .isEmpty());
        }
    }
}
