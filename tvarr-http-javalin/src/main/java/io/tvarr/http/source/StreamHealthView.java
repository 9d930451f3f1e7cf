package io.tvarr.http.source;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.health.HealthStatus;
import io.tvarr.domain.health.StreamHealth;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A channel's last stream check. */
record StreamHealthView(
        String channelId,

        @OpenApiDescription("the channel's name when it was checked")
        String channelName,

        @OpenApiPropertyType(definedBy = HealthStatus.class) String status,

        @OpenApiDescription("why the stream is broken, credentials masked") @OpenApiNullable @Nullable
        String reason,

        @OpenApiNullable @Nullable String videoCodec,
        @OpenApiNullable @Nullable String audioCodec,
        Instant checkedAt) {
    static StreamHealthView of(StreamHealth health) {
        return new StreamHealthView(
                health.channel().toString(),
                health.channelName(),
                EnumParam.format(health.status()),
                health.reason(),
                health.videoCodec(),
                health.audioCodec(),
                health.checkedAt());
    }
}
