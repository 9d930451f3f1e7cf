@NullMarked
package io.tvarr.domain.failover.port.out;

import org.jspecify.annotations.NullMarked;
