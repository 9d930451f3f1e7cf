@NullMarked
package io.tvarr.domain.health.service;

import org.jspecify.annotations.NullMarked;
