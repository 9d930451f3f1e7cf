/** Backups: the whole store and the logo cache in one archive, and restoring one. */
@NullMarked
package io.tvarr.domain.backup;

import org.jspecify.annotations.NullMarked;
