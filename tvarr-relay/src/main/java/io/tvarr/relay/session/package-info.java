/** Shared upstream sessions and their clients. */
@NullMarked
package io.tvarr.relay.session;

import org.jspecify.annotations.NullMarked;
