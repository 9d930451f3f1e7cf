package io.tvarr.http.source;

import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.Page;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.channel.Channel;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.StreamSource;
import io.tvarr.domain.source.XtreamOutput;
import io.tvarr.domain.source.port.in.SaveStreamSourceCommand;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A channel source as the API reads it; the password may be "***" on update to keep the stored one. */
record StreamSourceBody(
        @OpenApiRequired @Nullable String name,

        @OpenApiPropertyType(definedBy = SourceKind.class) @OpenApiRequired @Nullable
        String kind,

        @OpenApiRequired @Nullable String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        @OpenApiNullable @Nullable Boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        @OpenApiNullable @Nullable Integer maxConcurrentStreams,

        @OpenApiPropertyType(definedBy = XtreamOutput.class) @OpenApiNullable @Nullable
        String xtreamOutput,

        @OpenApiNullable @Nullable Boolean includeVod) {
    @OpenApiIgnore
    SaveStreamSourceCommand toCommand() {
        return new SaveStreamSourceCommand(
                name == null ? "" : name,
                EnumParam.parse(SourceKind.class, kind, "kind"),
                url == null ? "" : url,
                username,
                password,
                userAgent,
                enabled == null || enabled,
                schedule,
                maxConcurrentStreams == null ? 0 : maxConcurrentStreams,
                xtreamOutput == null
                        ? XtreamOutput.TS
                        : EnumParam.parse(XtreamOutput.class, xtreamOutput, "xtream_output"),
                includeVod != null && includeVod);
    }
}

/** A channel source as the API shows it: credentials and secrets in URLs are masked. */
record StreamSourceView(
        String id,
        String name,
        @OpenApiPropertyType(definedBy = SourceKind.class) String kind,
        String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        int maxConcurrentStreams,
        @OpenApiPropertyType(definedBy = XtreamOutput.class) String xtreamOutput,
        boolean includeVod,
        Instant createdAt,
        Instant updatedAt) {
    static StreamSourceView of(StreamSource s) {
        return new StreamSourceView(
                s.id().toString(),
                s.name(),
                EnumParam.format(s.kind()),
                Redaction.redactUrl(s.url().toString()),
                s.credentials() == null ? null : s.credentials().username(),
                s.credentials() == null ? null : "***",
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.maxConcurrentStreams(),
                EnumParam.format(s.xtreamOutput()),
                s.includeVod(),
                s.createdAt(),
                s.updatedAt());
    }
}

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

/** One page of channels. */
record ChannelPageView(List<ChannelView> items, int page, int size, long total) {
    static ChannelPageView of(Page<Channel> page) {
        return new ChannelPageView(
                page.items().stream().map(ChannelView::of).toList(), page.page(), page.size(), page.total());
    }
}
