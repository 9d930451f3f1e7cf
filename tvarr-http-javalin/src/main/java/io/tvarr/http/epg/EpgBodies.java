package io.tvarr.http.epg;

import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.epg.EpgChannel;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.domain.epg.EpgSource;
import io.tvarr.domain.epg.EpgSourceKind;
import io.tvarr.domain.epg.LocalizedText;
import io.tvarr.domain.epg.RetentionWindow;
import io.tvarr.domain.epg.port.in.SaveEpgSourceCommand;
import io.tvarr.http.EnumParam;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A guide source as the API reads it; defaults: zone UTC, shift 0, retention 1 day back and 14 ahead. */
record EpgSourceBody(
        @OpenApiRequired @Nullable String name,

        @OpenApiPropertyType(definedBy = EpgSourceKind.class) @OpenApiRequired @Nullable
        String kind,

        @OpenApiRequired @Nullable String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        @OpenApiNullable @Nullable Boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        @OpenApiNullable @Nullable Integer timeShiftMinutes,
        @OpenApiNullable @Nullable String zone,
        @OpenApiNullable @Nullable Integer retentionDaysBack,
        @OpenApiNullable @Nullable Integer retentionDaysAhead) {
    @OpenApiIgnore
    SaveEpgSourceCommand toCommand() {
        ZoneId zoneId;
        try {
            zoneId = zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new ValidationException("zone: '" + zone + "' (expected: a time zone such as Europe/London)");
        }
        return new SaveEpgSourceCommand(
                name == null ? "" : name,
                EnumParam.parse(EpgSourceKind.class, kind, "kind"),
                url == null ? "" : url,
                username,
                password,
                userAgent,
                enabled == null || enabled,
                schedule,
                timeShiftMinutes == null ? 0 : timeShiftMinutes,
                zoneId,
                new RetentionWindow(
                        retentionDaysBack == null ? RetentionWindow.DEFAULT.daysBack() : retentionDaysBack,
                        retentionDaysAhead == null ? RetentionWindow.DEFAULT.daysAhead() : retentionDaysAhead));
    }
}

/** A guide source as the API shows it, secrets masked. */
record EpgSourceView(
        String id,
        String name,

        @OpenApiPropertyType(definedBy = EpgSourceKind.class)
        String kind,

        String url,
        @OpenApiNullable @Nullable String username,
        @OpenApiNullable @Nullable String password,
        @OpenApiNullable @Nullable String userAgent,
        boolean enabled,
        @OpenApiNullable @Nullable String schedule,
        int timeShiftMinutes,
        String zone,
        int retentionDaysBack,
        int retentionDaysAhead,
        Instant createdAt,
        Instant updatedAt) {
    static EpgSourceView of(EpgSource s) {
        return new EpgSourceView(
                s.id().toString(),
                s.name(),
                EnumParam.format(s.kind()),
                Redaction.redactUrl(s.url().toString()),
                s.credentials() == null ? null : s.credentials().username(),
                s.credentials() == null ? null : "***",
                s.userAgent(),
                s.enabled(),
                s.schedule(),
                s.timeShiftMinutes(),
                s.zone().getId(),
                s.retention().daysBack(),
                s.retention().daysAhead(),
                s.createdAt(),
                s.updatedAt());
    }
}

/** A guide channel. */
record EpgChannelView(
        String sourceId,
        String id,
        List<DisplayNameView> displayNames,
        @OpenApiNullable @Nullable String iconUrl) {
    static EpgChannelView of(EpgChannel c) {
        return new EpgChannelView(
                c.sourceId().toString(),
                c.id(),
                c.displayNames().stream().map(DisplayNameView::of).toList(),
                c.iconUrl());
    }
}

/** A guide channel's name in one language; {@code lang} is null when the guide does not say. */
record DisplayNameView(
        String text, @OpenApiNullable @Nullable String lang) {
    static DisplayNameView of(LocalizedText name) {
        return new DisplayNameView(name.text(), name.lang());
    }
}

/** A programme. */
record ProgrammeView(
        String sourceId,
        String channel,
        Instant start,
        Instant stop,
        String title,
        @OpenApiNullable @Nullable String subTitle,
        @OpenApiNullable @Nullable String description,
        List<String> categories,
        @OpenApiNullable @Nullable String iconUrl,
        @OpenApiNullable @Nullable String episode,
        @OpenApiNullable @Nullable String episodeXmltvNs,
        @OpenApiNullable @Nullable String rating,
        List<String> flags) {
    static ProgrammeView of(EpgProgramme p) {
        return new ProgrammeView(
                p.sourceId().toString(),
                p.channelId(),
                p.start(),
                p.stop(),
                p.title(),
                p.subTitle(),
                p.description(),
                p.categories(),
                p.iconUrl(),
                p.episodeOnscreen(),
                p.episodeXmltvNs(),
                p.rating(),
                p.flags().stream().map(EnumParam::format).sorted().toList());
    }
}

/** One page of guide channels. */
record EpgChannelPageView(List<EpgChannelView> items, int page, int size, long total) {}
