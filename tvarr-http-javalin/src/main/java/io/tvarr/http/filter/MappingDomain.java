package io.tvarr.http.filter;

/**
 * The domains a mapping rule takes, as the OpenAPI document lists them: the {@link
 * io.tvarr.domain.filter.ExpressionDomain}s that are not filter domains.
 */
enum MappingDomain {
    STREAM_MAPPING,
    EPG_MAPPING
}
