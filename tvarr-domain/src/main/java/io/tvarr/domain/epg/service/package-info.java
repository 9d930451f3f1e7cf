/** Guide source use cases. */
@NullMarked
package io.tvarr.domain.epg.service;

import org.jspecify.annotations.NullMarked;
