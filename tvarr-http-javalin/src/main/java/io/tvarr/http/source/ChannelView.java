package io.tvarr.http.source;

import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.channel.Channel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A stored channel; every URL is masked because provider URLs carry credentials: the stream, the logo and
 * attributes such as {@code catchup-source} ({@code /timeshift/user/pass/…}).
 */
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
    private static Map<String, String> masked(Map<String, String> attributes) {
        Map<String, String> masked = new LinkedHashMap<>();
        attributes.forEach((name, value) -> masked.put(name, Redaction.redactUrl(value)));
        return masked;
    }

    static ChannelView of(Channel c) {
        return new ChannelView(
                c.id().toString(),
                c.sourceId().toString(),
                c.tvgId(),
                c.tvgName(),
                c.tvgChno(),
                c.name(),
                c.group(),
                c.logoUrl() == null ? null : Redaction.redactUrl(c.logoUrl()),
                Redaction.redactUrl(c.streamUrl()),
                masked(c.attributes()));
    }
}
