/** The output access use cases over their repository. */
@NullMarked
package io.tvarr.domain.output.service;

import org.jspecify.annotations.NullMarked;
