/** The output user use cases over their ports. */
@NullMarked
package io.tvarr.domain.account.service;

import org.jspecify.annotations.NullMarked;
