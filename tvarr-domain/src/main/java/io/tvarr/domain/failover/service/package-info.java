@NullMarked
package io.tvarr.domain.failover.service;

import org.jspecify.annotations.NullMarked;
