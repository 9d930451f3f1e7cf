/** Health, version and API documentation endpoints. */
@NullMarked
package io.tvarr.http.system;

import org.jspecify.annotations.NullMarked;
