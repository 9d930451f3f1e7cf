package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.CidrRange;
import io.tvarr.domain.output.OutputAccess;
import io.tvarr.domain.output.port.in.OutputUrls;
import io.tvarr.http.EnumParam;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Who may read a proxy's outputs, and the full URLs a player is given (with the token in token mode). */
record OutputAccessView(
        @OpenApiPropertyType(definedBy = AccessMode.class) @OpenApiDescription("open, lan or token")
        String mode,

        @OpenApiDescription("CIDR ranges a lan proxy answers (kept, unused, in the other modes)")
        List<String> allowedRanges,

        @OpenApiDescription("the token of a token proxy: as the proxy's path segment or as ?token=; null otherwise")
        @OpenApiNullable
        @Nullable
        String token,

        String playlistUrl,
        String guideUrl,

        @OpenApiDescription("the HDHomeRun device's base URL, null when its tuner is off") @OpenApiNullable @Nullable
        String hdhomerunUrl) {
    static OutputAccessView of(OutputAccess access, OutputUrls urls) {
        return new OutputAccessView(
                EnumParam.format(access.mode()),
                access.allowedRanges().stream().map(CidrRange::toString).toList(),
                access.token(),
                urls.playlist(),
                urls.guide(),
                urls.hdhomerun());
    }
}
