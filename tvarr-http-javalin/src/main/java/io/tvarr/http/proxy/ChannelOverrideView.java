package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.proxy.ChannelOverride;
import io.tvarr.domain.proxy.ListedOverride;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A channel override as stored; in a proxy's list, with whether its channel is still there. */
record ChannelOverrideView(
        String proxyId,
        String channelId,
        @OpenApiNullable @Nullable String name,
        @OpenApiNullable @Nullable Integer number,
        @OpenApiNullable @Nullable String group,
        @OpenApiNullable @Nullable String logoUrl,
        @OpenApiNullable @Nullable String tvgId,
        boolean hidden,
        Instant updatedAt,

        @OpenApiDescription("true when the channel is in none of the proxy's sources any more; the override is kept")
        boolean orphaned,

        @OpenApiNullable @OpenApiDescription("the channel's name as its source gives it; null when orphaned") @Nullable
        String channelName) {
    static ChannelOverrideView of(ListedOverride listed) {
        ChannelOverride o = listed.override();
        return new ChannelOverrideView(
                o.proxy().toString(),
                o.channel().toString(),
                o.name(),
                o.number(),
                o.group(),
                o.logoUrl(),
                o.tvgId(),
                o.hidden(),
                o.updatedAt(),
                listed.orphaned(),
                listed.channelName());
    }
}
