/** The job engine: the persistent queue, the scheduler, and the job use cases over them. */
@NullMarked
package io.tvarr.domain.job.service;

import org.jspecify.annotations.NullMarked;
