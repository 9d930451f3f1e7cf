/** JDBI storage for the logo feature. */
@NullMarked
package io.tvarr.persistence.logo;

import org.jspecify.annotations.NullMarked;
