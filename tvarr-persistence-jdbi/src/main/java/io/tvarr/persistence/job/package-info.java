/** JDBI storage for the job feature. */
@NullMarked
package io.tvarr.persistence.job;

import org.jspecify.annotations.NullMarked;
