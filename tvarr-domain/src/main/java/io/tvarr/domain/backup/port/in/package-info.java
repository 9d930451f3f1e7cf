/** Use cases of backups. */
@NullMarked
package io.tvarr.domain.backup.port.in;

import org.jspecify.annotations.NullMarked;
