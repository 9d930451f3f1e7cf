/** What tvarr reports about itself: version and health. */
@NullMarked
package io.tvarr.domain.system;

import org.jspecify.annotations.NullMarked;
