/** Deciding how channels are delivered. */
@NullMarked
package io.tvarr.domain.relay.service;

import org.jspecify.annotations.NullMarked;
