package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.SetChannelOverrideCommand;
import org.jspecify.annotations.Nullable;

/** One channel's override in one proxy; an absent or null field leaves the channel's own value. */
record ChannelOverrideBody(
        @OpenApiNullable @OpenApiDescription("the name players show") @Nullable
        String name,

        @OpenApiNullable
        @OpenApiDescription("the channel number, 1-9999999, kept whatever the proxy's numbering")
        @Nullable
        Integer number,

        @OpenApiNullable @OpenApiDescription("group-title") @Nullable
        String group,

        @OpenApiNullable @OpenApiDescription("an http(s) URL") @Nullable
        String logoUrl,

        @OpenApiNullable @OpenApiDescription("tvg-id, the guide channel id") @Nullable
        String tvgId,

        @OpenApiNullable @OpenApiDescription("true leaves the channel out of the proxy's outputs") @Nullable
        Boolean hidden) {
    @OpenApiIgnore
    SetChannelOverrideCommand toCommand(ProxyId proxy, ChannelId channel) {
        return new SetChannelOverrideCommand(
                proxy, channel, name, number, group, logoUrl, tvgId, hidden != null && hidden);
    }
}
