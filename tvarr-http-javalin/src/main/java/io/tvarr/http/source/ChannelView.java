package io.tvarr.http.source;

import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.channel.Channel;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A stored channel; stream URLs are masked because they often carry provider credentials. */
record ChannelView(
        String id,
        String sourceId,
        @OpenApiNullable @Nullable String tvgId,
        @OpenApiNullable @Nullable String tvgName,
        @OpenApiNullable @Nullable String tvgChno,
        String name,
        @OpenApiNullable @Nullable String group,
        @OpenApiNullable @Nullable String logoUrl,
        String streamUrl,
        Map<String, String> attributes) {
    static ChannelView of(Channel c) {
        return new ChannelView(
                c.id().toString(),
                c.sourceId().toString(),
                c.tvgId(),
                c.tvgName(),
                c.tvgChno(),
                c.name(),
                c.group(),
                c.logoUrl(),
                Redaction.redactUrl(c.streamUrl()),
                c.attributes());
    }
}
