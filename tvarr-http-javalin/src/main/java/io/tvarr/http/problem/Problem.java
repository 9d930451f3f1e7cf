package io.tvarr.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 9457 problem body. {@code errorId} appears only on 500s and matches the logged error; {@code column}
 * and {@code caret} only for invalid expressions.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String requestId,
        @Nullable String errorId,
        @Nullable Integer column,
        @Nullable String caret) {

    static Problem of(ProblemType type, int status, String detail, String instance, String requestId) {
        return new Problem(type.uri(), type.title(), status, detail, instance, requestId, null, null, null);
    }
}
