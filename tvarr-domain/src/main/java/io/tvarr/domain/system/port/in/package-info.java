/** What tvarr reports about itself, as use cases. */
@NullMarked
package io.tvarr.domain.system.port.in;

import org.jspecify.annotations.NullMarked;
