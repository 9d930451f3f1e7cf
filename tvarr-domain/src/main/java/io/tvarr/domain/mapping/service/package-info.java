/** Mapping rule use cases. */
@NullMarked
package io.tvarr.domain.mapping.service;

import org.jspecify.annotations.NullMarked;
