package io.tvarr.domain.proxy;

import io.tvarr.domain.filter.FilterId;

/** A filter attached to a proxy, which may switch it off without detaching it. */
public record ProxyFilter(FilterId filterId, boolean active) {}
