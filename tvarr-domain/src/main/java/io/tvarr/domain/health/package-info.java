/**
 * Stream health: optional periodic checks of a source's channels with ffprobe, each channel's last outcome
 * (working or broken, with the reason and codecs), and which streams failover should try last.
 */
@NullMarked
package io.tvarr.domain.health;

import org.jspecify.annotations.NullMarked;
