/** Proxies: management, generation, and the published playlist and guide. */
@NullMarked
package io.tvarr.http.proxy;

import org.jspecify.annotations.NullMarked;
