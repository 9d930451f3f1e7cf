/** Storage of jobs. */
@NullMarked
package io.tvarr.domain.job.port.out;

import org.jspecify.annotations.NullMarked;
