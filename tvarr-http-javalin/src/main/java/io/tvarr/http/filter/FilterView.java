package io.tvarr.http.filter;

import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.filter.Filter;
import io.tvarr.domain.filter.FilterAction;
import io.tvarr.http.EnumParam;

/** A filter as the API shows it. */
record FilterView(
        String id,
        String name,

        @OpenApiPropertyType(definedBy = FilterDomain.class) String domain,

        @OpenApiPropertyType(definedBy = FilterAction.class) String action,
        String expression) {
    static FilterView of(Filter f) {
        return new FilterView(
                f.id().toString(),
                f.name(),
                EnumParam.format(f.domain()),
                EnumParam.format(f.action()),
                f.expression());
    }
}
