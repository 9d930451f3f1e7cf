/** RFC 9457 problem responses for every failure. */
@NullMarked
package io.tvarr.http.problem;

import org.jspecify.annotations.NullMarked;
