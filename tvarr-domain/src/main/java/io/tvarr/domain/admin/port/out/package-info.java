@NullMarked
package io.tvarr.domain.admin.port.out;

import org.jspecify.annotations.NullMarked;
