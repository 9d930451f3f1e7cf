/** Channel browsing. */
@NullMarked
package io.tvarr.domain.channel.service;

import org.jspecify.annotations.NullMarked;
