/** Storage of channels. */
@NullMarked
package io.tvarr.domain.channel.port.out;

import org.jspecify.annotations.NullMarked;
