package io.tvarr.http.ingestion;

import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiPropertyType;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.http.EnumParam;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Ingestion state of a channel or guide source, as the API shows it.
 *
 * @param state {@code idle}, {@code ingesting}, {@code succeeded}, {@code failed} or {@code needs_confirmation}
 *     (the last refresh would have dropped too much, so the previous data was kept; ingest with
 *     {@code ?accept=true} to apply)
 * @param bytesRead bytes read by the running refresh, or by the last finished one
 * @param entriesRead entries read by the running refresh, or by the last finished one
 * @param lastCount what the last successful refresh stored, counted in {@code countOf}
 * @param countOf {@code channels} for a channel source, {@code programmes} for a guide
 * @param lastError why the last refresh failed or needs confirmation
 */
public record IngestionStatusView(
        @OpenApiPropertyType(definedBy = IngestionState.class)
        String state,

        long bytesRead,
        long entriesRead,
        @OpenApiNullable @Nullable Instant lastSuccessAt,
        long lastCount,
        String countOf,
        long lastDurationMs,
        long lastSkipped,
        @OpenApiNullable @Nullable String lastError,
        @OpenApiNullable @Nullable Instant lastErrorAt,
        Map<String, String> details) {
    public static IngestionStatusView of(IngestionStatus s) {
        return new IngestionStatusView(
                EnumParam.format(s.state()),
                s.bytesRead(),
                s.entriesRead(),
                s.lastSuccessAt(),
                s.lastCount(),
                s.target() instanceof IngestionTarget.GuideSource ? "programmes" : "channels",
                s.lastDurationMs(),
                s.lastSkipped(),
                s.lastError() == null ? null : Redaction.redactUrl(s.lastError()),
                s.lastErrorAt(),
                s.details());
    }
}
