/** Implementations of the source use cases. */
@NullMarked
package io.tvarr.domain.source.service;

import org.jspecify.annotations.NullMarked;
