/** JDBI storage for the proxy feature. */
@NullMarked
package io.tvarr.persistence.proxy;

import org.jspecify.annotations.NullMarked;
