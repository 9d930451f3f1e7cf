/** The logo cache. */
@NullMarked
package io.tvarr.domain.logo.service;

import org.jspecify.annotations.NullMarked;
