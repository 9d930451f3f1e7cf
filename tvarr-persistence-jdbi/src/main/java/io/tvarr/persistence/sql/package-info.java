/** SQL plumbing shared by the repositories: the JDBI handle, vendor dialects, column conventions. */
@NullMarked
package io.tvarr.persistence.sql;

import org.jspecify.annotations.NullMarked;
