/** Storage for the logo feature: the rows (JDBI) and the content-addressed files on disk. */
@NullMarked
package io.tvarr.persistence.logo;

import org.jspecify.annotations.NullMarked;
