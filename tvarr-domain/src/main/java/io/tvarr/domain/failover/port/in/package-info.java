@NullMarked
package io.tvarr.domain.failover.port.in;

import org.jspecify.annotations.NullMarked;
