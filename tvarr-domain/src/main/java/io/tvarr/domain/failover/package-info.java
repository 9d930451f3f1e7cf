/**
 * Failover: an output channel carrying several streams in order, the same channel from several sources or accounts,
 * merged by a proxy's setting (tvg-id or normalised name) or listed by hand.
 */
@NullMarked
package io.tvarr.domain.failover;

import org.jspecify.annotations.NullMarked;
