/** Use cases for browsing channels. */
@NullMarked
package io.tvarr.domain.channel.port.in;

import org.jspecify.annotations.NullMarked;
