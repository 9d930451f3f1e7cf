package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.SaveManualChannelCommand;
import org.jspecify.annotations.Nullable;

/** A channel added to a proxy by hand, as sent to add or replace it; absent optional fields are unset. */
record ManualChannelBody(
        @OpenApiRequired @OpenApiDescription("the name players show") @Nullable
        String name,

        @OpenApiRequired @OpenApiDescription("an http(s) URL of the stream; checked as source URLs are") @Nullable
        String streamUrl,

        @OpenApiNullable @OpenApiDescription("tvg-id") @Nullable
        String tvgId,

        @OpenApiNullable @OpenApiDescription("an http(s) URL") @Nullable
        String logoUrl,

        @OpenApiNullable @OpenApiDescription("group-title") @Nullable
        String group,

        @OpenApiNullable
        @OpenApiDescription("the channel number, 1-9999999, kept whatever the proxy's numbering")
        @Nullable
        Integer number,

        @OpenApiNullable
        @OpenApiDescription("the guide channel (XMLTV channel id) pinned to it, matched before anything else")
        @Nullable
        String guideChannelId) {
    @OpenApiIgnore
    SaveManualChannelCommand toCommand(ProxyId proxy) {
        return new SaveManualChannelCommand(
                proxy,
                io.tvarr.domain.Checks.requireText(name, "name"),
                io.tvarr.domain.Checks.requireText(streamUrl, "streamUrl"),
                tvgId,
                logoUrl,
                group,
                number,
                guideChannelId);
    }
}
