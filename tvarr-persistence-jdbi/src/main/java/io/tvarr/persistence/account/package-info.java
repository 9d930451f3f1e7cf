/** Output users in table {@code output_user}. */
@NullMarked
package io.tvarr.persistence.account;

import org.jspecify.annotations.NullMarked;
