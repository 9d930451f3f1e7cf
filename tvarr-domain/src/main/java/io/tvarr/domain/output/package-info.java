/**
 * Who may read a proxy's outputs (playlist, guide, streams, logos, the HDHomeRun and Xtream doors): anyone, the
 * local networks, or whoever holds the proxy's token. Apart from the admin login of the API.
 */
@NullMarked
package io.tvarr.domain.output;

import org.jspecify.annotations.NullMarked;
