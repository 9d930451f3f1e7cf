/** Proxies: what players subscribe to. */
@NullMarked
package io.tvarr.domain.proxy;

import org.jspecify.annotations.NullMarked;
