package io.tvarr.http.epg;

import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.epg.EpgProgramme;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A programme; its icon URL is masked, as provider URLs can carry credentials. */
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
                p.iconUrl() == null ? null : Redaction.redactUrl(p.iconUrl()),
                p.episodeOnscreen(),
                p.episodeXmltvNs(),
                p.rating(),
                p.flags().stream().map(EnumParam::format).sorted().toList());
    }
}
