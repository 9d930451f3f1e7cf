package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.proxy.ManualChannel;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A channel added to a proxy by hand, as stored. */
record ManualChannelView(
        @OpenApiDescription("the channel id, made when it was added and kept through every edit")
        String id,

        String proxyId,
        String name,
        String streamUrl,
        @OpenApiNullable @Nullable String tvgId,
        @OpenApiNullable @Nullable String logoUrl,
        @OpenApiNullable @Nullable String group,
        @OpenApiNullable @Nullable Integer number,
        @OpenApiNullable @Nullable String guideChannelId,

        @OpenApiDescription("its place among the proxy's manual channels, which follow the sources' channels")
        int position,

        Instant updatedAt) {
    static ManualChannelView of(ManualChannel c) {
        return new ManualChannelView(
                c.id().toString(),
                c.proxy().toString(),
                c.name(),
                c.streamUrl(),
                c.tvgId(),
                c.logoUrl(),
                c.group(),
                c.number(),
                c.guideChannelId(),
                c.position(),
                c.updatedAt());
    }
}
