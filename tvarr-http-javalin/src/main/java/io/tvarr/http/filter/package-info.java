/** REST API for filters, mapping rules and trying expressions. */
@NullMarked
package io.tvarr.http.filter;

import org.jspecify.annotations.NullMarked;
