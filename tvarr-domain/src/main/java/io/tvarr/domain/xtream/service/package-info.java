/** Xtream logins and playback with per-user connection limits, over the account and relay ports. */
@NullMarked
package io.tvarr.domain.xtream.service;

import org.jspecify.annotations.NullMarked;
