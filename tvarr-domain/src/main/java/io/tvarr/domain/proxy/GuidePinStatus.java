package io.tvarr.domain.proxy;

import org.jspecify.annotations.Nullable;

/**
 * A pin as the last generation found it.
 *
 * @param orphaned true when the last generation did not use it: its channel is no longer among the proxy's output
 *     channels or its guide channel is no longer in the proxy's guides; kept, never dropped silently
 * @param reason why it is orphaned; null when it is not
 */
public record GuidePinStatus(
        GuidePin pin, boolean orphaned, @Nullable String reason) {}
