package io.tvarr.domain.proxy;

import org.jspecify.annotations.Nullable;

/**
 * An override as listed for its proxy.
 *
 * @param orphaned true when its channel is in none of the proxy's sources any more (the provider removed or
 *     re-keyed it); the override is kept, never deleted for that, so it can be moved or removed by hand
 * @param channelName the channel's current name as its source gives it; null when orphaned
 */
public record ListedOverride(
        ChannelOverride override,
        boolean orphaned,
        @Nullable String channelName) {}
