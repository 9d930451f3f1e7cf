@NullMarked
package io.tvarr.domain.health.port.in;

import org.jspecify.annotations.NullMarked;
