/** What the job engine drives: the job store, the cron parser, retries, the work itself and live events. */
@NullMarked
package io.tvarr.domain.job.port.out;

import org.jspecify.annotations.NullMarked;
