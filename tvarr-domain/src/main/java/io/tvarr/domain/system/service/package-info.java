/** The use cases of tvarr's reports about itself. */
@NullMarked
package io.tvarr.domain.system.service;

import org.jspecify.annotations.NullMarked;
