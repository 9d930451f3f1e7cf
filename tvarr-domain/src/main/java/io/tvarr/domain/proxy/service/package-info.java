/** Proxy use cases. */
@NullMarked
package io.tvarr.domain.proxy.service;

import org.jspecify.annotations.NullMarked;
