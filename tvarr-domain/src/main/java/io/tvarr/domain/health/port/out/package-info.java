@NullMarked
package io.tvarr.domain.health.port.out;

import org.jspecify.annotations.NullMarked;
