/** Stream checks: each source's settings and each channel's last result. */
@NullMarked
package io.tvarr.persistence.health;

import org.jspecify.annotations.NullMarked;
