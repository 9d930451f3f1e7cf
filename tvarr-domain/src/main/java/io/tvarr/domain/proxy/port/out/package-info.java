/** Storage of proxies. */
@NullMarked
package io.tvarr.domain.proxy.port.out;

import org.jspecify.annotations.NullMarked;
