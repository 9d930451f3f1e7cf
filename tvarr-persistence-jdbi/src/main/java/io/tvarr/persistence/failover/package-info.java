/** Failover settings of proxies in tables {@code proxy_failover} and {@code proxy_channel_alternate}. */
@NullMarked
package io.tvarr.persistence.failover;

import org.jspecify.annotations.NullMarked;
