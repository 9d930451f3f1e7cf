/** Use cases for jobs. */
@NullMarked
package io.tvarr.domain.job.port.in;

import org.jspecify.annotations.NullMarked;
