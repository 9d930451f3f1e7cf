package io.tvarr.http.proxy;

import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequired;
import io.tvarr.domain.output.AccessMode;
import io.tvarr.domain.output.port.in.ChangeOutputAccessCommand;
import io.tvarr.http.EnumParam;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A proxy's new output access. */
record OutputAccessBody(
        @OpenApiRequired
        @OpenApiPropertyType(definedBy = AccessMode.class)
        @OpenApiDescription("open, lan or token")
        @Nullable
        String mode,

        @OpenApiNullable
        @OpenApiDescription("CIDR ranges (10.0.0.0/8, fd00::/8, or one address) a lan proxy answers;"
                + " empty or absent for the private and local networks")
        @Nullable
        List<String> allowedRanges) {
    @OpenApiIgnore
    ChangeOutputAccessCommand toCommand() {
        return ChangeOutputAccessCommand.of(
                EnumParam.parse(AccessMode.class, mode, "mode"), allowedRanges == null ? List.of() : allowedRanges);
    }
}
