/** The store as rows for backups: read in one snapshot, loaded in one transaction, on every supported database. */
@NullMarked
package io.tvarr.persistence.backup;

import org.jspecify.annotations.NullMarked;
