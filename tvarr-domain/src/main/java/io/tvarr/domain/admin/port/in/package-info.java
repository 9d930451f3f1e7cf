@NullMarked
package io.tvarr.domain.admin.port.in;

import org.jspecify.annotations.NullMarked;
