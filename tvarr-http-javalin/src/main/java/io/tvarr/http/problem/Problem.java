package io.tvarr.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/** An RFC 9457 problem body; {@code errorId} appears only on 500s and matches the logged error. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        @Nullable String errorId) {}
