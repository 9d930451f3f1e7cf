/** Jobs, their schedule, and the live event stream. */
@NullMarked
package io.tvarr.http.job;

import org.jspecify.annotations.NullMarked;
