package io.tvarr.http.filter;

/**
 * The domains a filter takes, as the OpenAPI document lists them: the {@link
 * io.tvarr.domain.filter.ExpressionDomain}s that are {@link io.tvarr.domain.filter.ExpressionDomain#isFilter()}.
 */
enum FilterDomain {
    STREAM_FILTER,
    EPG_FILTER
}
