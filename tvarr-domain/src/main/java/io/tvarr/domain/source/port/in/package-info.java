/** Use cases for managing and ingesting channel sources. */
@NullMarked
package io.tvarr.domain.source.port.in;

import org.jspecify.annotations.NullMarked;
