package io.tvarr.http.epg;

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
        @Nullable String name,
        @Nullable String kind,
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String userAgent,
        @Nullable Boolean enabled,
        @Nullable String schedule,
        @Nullable Integer timeShiftMinutes,
        @Nullable String zone,
        @Nullable Integer retentionDaysBack,
        @Nullable Integer retentionDaysAhead) {
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
        String kind,
        String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule,
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
        List<LocalizedText> displayNames,
        @Nullable String iconUrl) {
    static EpgChannelView of(EpgChannel c) {
        return new EpgChannelView(c.sourceId().toString(), c.id(), c.displayNames(), c.iconUrl());
    }
}

/** A programme. */
record ProgrammeView(
        String sourceId,
        String channel,
        Instant start,
        Instant stop,
        String title,
        @Nullable String subTitle,
        @Nullable String description,
        List<String> categories,
        @Nullable String iconUrl,
        @Nullable String episode,
        @Nullable String episodeXmltvNs,
        @Nullable String rating,
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
