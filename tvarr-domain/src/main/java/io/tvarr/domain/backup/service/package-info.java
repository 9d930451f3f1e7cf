/** The backup archive's format and rules. */
@NullMarked
package io.tvarr.domain.backup.service;

import org.jspecify.annotations.NullMarked;
