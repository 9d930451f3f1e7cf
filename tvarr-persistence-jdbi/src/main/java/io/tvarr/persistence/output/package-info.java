/** Output access of proxies in table {@code proxy_output_access}. */
@NullMarked
package io.tvarr.persistence.output;

import org.jspecify.annotations.NullMarked;
