/** Exporting the configuration and applying a configuration document. */
@NullMarked
package io.tvarr.domain.config.port.in;

import org.jspecify.annotations.NullMarked;
