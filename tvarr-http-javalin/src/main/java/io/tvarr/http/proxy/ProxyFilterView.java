package io.tvarr.http.proxy;

/** A filter attached to a proxy. */
record ProxyFilterView(String filterId, boolean active) {}
