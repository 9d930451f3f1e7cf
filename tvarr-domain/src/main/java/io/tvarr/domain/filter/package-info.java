/** Include/exclude filters written in the expression language. */
@NullMarked
package io.tvarr.domain.filter;

import org.jspecify.annotations.NullMarked;
