/** Failures and checks shared by every feature of the domain. */
@NullMarked
package io.tvarr.domain;

import org.jspecify.annotations.NullMarked;
