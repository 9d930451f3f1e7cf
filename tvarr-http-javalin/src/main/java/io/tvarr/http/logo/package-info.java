/** Cached logos over HTTP. */
@NullMarked
package io.tvarr.http.logo;

import org.jspecify.annotations.NullMarked;
