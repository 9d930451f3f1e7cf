/** What configuration as code needs from outside: the values of {@code ${ENV_NAME}} references. */
@NullMarked
package io.tvarr.domain.config.port.out;

import org.jspecify.annotations.NullMarked;
