/** The composition root: configuration, wiring, command line and process life cycle. */
@NullMarked
package io.tvarr.app;

import org.jspecify.annotations.NullMarked;
