/** Export and apply of configuration documents over the other features' use cases and stores. */
@NullMarked
package io.tvarr.domain.config.service;

import org.jspecify.annotations.NullMarked;
