/** Use cases for proxies and their generation. */
@NullMarked
package io.tvarr.domain.proxy.port.in;

import org.jspecify.annotations.NullMarked;
