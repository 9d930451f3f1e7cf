package io.tvarr.domain.filter;

/** Whether matching records are kept or removed. */
public enum FilterAction {
    INCLUDE,
    EXCLUDE
}
