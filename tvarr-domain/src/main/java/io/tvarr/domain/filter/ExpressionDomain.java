package io.tvarr.domain.filter;

/** What an expression applies to and whether it filters or maps. */
public enum ExpressionDomain {
    STREAM_FILTER,
    EPG_FILTER,
    STREAM_MAPPING,
    EPG_MAPPING;

    public boolean isFilter() {
        return this == STREAM_FILTER || this == EPG_FILTER;
    }

    public boolean isChannelDomain() {
        return this == STREAM_FILTER || this == STREAM_MAPPING;
    }
}
