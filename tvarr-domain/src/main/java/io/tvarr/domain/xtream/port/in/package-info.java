/** Logging in, reading the published lineup and guide, and playing, as Xtream Codes players do. */
@NullMarked
package io.tvarr.domain.xtream.port.in;

import org.jspecify.annotations.NullMarked;
