/** Filter use cases. */
@NullMarked
package io.tvarr.domain.filter.service;

import org.jspecify.annotations.NullMarked;
