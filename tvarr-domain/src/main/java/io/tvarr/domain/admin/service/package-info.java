@NullMarked
package io.tvarr.domain.admin.service;

import org.jspecify.annotations.NullMarked;
