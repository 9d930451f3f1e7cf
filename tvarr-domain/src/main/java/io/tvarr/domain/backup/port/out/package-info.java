/** What backups need from the store. */
@NullMarked
package io.tvarr.domain.backup.port.out;

import org.jspecify.annotations.NullMarked;
