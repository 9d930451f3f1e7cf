package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.tvarr.domain.proxy.GuidePin;
import io.tvarr.domain.proxy.GuidePinStatus;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A pinned guide channel and whether the last generation could use it. */
record GuidePinView(
        String channelId,
        String guideChannelId,
        Instant pinnedAt,

        @OpenApiDescription(
                "the last generation did not use it: its channel or guide channel is gone; kept until" + " deleted")
        boolean orphaned,

        @OpenApiNullable @Nullable String reason) {
    static GuidePinView of(GuidePinStatus status) {
        GuidePin pin = status.pin();
        return new GuidePinView(
                pin.channel().toString(), pin.guideChannelId(), pin.pinnedAt(), status.orphaned(), status.reason());
    }

    static GuidePinView saved(GuidePin pin) {
        return new GuidePinView(pin.channel().toString(), pin.guideChannelId(), pin.pinnedAt(), false, null);
    }
}
