package io.tvarr.http.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.tvarr.domain.filter.ExpressionDomain;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentedDomainsTest {
    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    @Test
    void filters_are_documented_with_the_filter_domains() {
        assertThat(names(FilterDomain.values()))
                .containsExactlyElementsOf(names(Arrays.stream(ExpressionDomain.values())
                        .filter(ExpressionDomain::isFilter)
                        .toArray(ExpressionDomain[]::new)));
    }

    @Test
    void mapping_rules_are_documented_with_the_other_domains() {
        assertThat(names(MappingDomain.values()))
                .containsExactlyElementsOf(names(Arrays.stream(ExpressionDomain.values())
                        .filter(domain -> !domain.isFilter())
                        .toArray(ExpressionDomain[]::new)));
    }
}
