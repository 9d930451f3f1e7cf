package io.tvarr.http.source;

import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.channel.ChannelDetail;
import io.tvarr.domain.epg.EpgProgramme;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A stored channel (URLs masked) with the guide channel it matched and its programmes now and next. */
record ChannelDetailView(
        ChannelView channel,
        @OpenApiNullable @Nullable String guideSourceId,
        @OpenApiNullable @Nullable String guideChannel,
        @OpenApiNullable @Nullable ProgrammeSlot now,
        @OpenApiNullable @Nullable ProgrammeSlot next) {

    /** A programme as the detail shows it. */
    record ProgrammeSlot(
            Instant start,
            Instant stop,
            String title,
            @OpenApiNullable @Nullable String subTitle) {
        static @Nullable ProgrammeSlot of(@Nullable EpgProgramme p) {
            return p == null ? null : new ProgrammeSlot(p.start(), p.stop(), p.title(), p.subTitle());
        }
    }

    static ChannelDetailView of(ChannelDetail detail) {
        return new ChannelDetailView(
                ChannelView.of(detail.channel()),
                detail.guide().map(Object::toString).orElse(null),
                detail.guideChannel().orElse(null),
                ProgrammeSlot.of(detail.now()),
                ProgrammeSlot.of(detail.next()));
    }
}
