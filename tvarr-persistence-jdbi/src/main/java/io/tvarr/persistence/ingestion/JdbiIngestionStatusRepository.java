package io.tvarr.persistence.ingestion;

import io.tvarr.domain.ingestion.IngestionState;
import io.tvarr.domain.ingestion.IngestionStatus;
import io.tvarr.domain.ingestion.IngestionTarget;
import io.tvarr.domain.ingestion.port.out.IngestionStatusRepository;
import io.tvarr.persistence.sql.Database;
import io.tvarr.persistence.sql.JsonColumns;
import io.tvarr.persistence.sql.Rows;
import io.tvarr.persistence.sql.Upserts;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Last ingestion outcome per channel or guide source in table {@code ingestion_status}, keyed by the source id;
 * {@code target_kind} says which kind of source it is. Only finished outcomes are stored; a running ingestion lives
 * in memory, so after a restart the state shows the last outcome.
 */
public final class JdbiIngestionStatusRepository implements IngestionStatusRepository {
    private static final List<String> COLUMNS = List.of(
            "target_id",
            "target_kind",
            "last_success_at",
            "last_count",
            "last_duration_ms",
            "last_error",
            "last_error_at",
            "details");

    private final Database db;
    private final JsonColumns json;
    private final String upsert;

    public JdbiIngestionStatusRepository(Database db, JsonColumns json) {
        this.db = db;
        this.json = json;
        this.upsert = Upserts.upsert(db.vendor(), "ingestion_status", List.of("target_id"), COLUMNS);
    }

    @Override
    public void save(IngestionStatus status) {
        Map<String, Object> details = Map.of(
                "state", status.state().name(),
                "skipped", status.lastSkipped(),
                "bytes", status.bytesRead(),
                "entries", status.entriesRead(),
                "facts", status.details());
        db.withHandle(h -> h.createUpdate(upsert)
                .bind("target_id", status.target().key())
                .bind("target_kind", kind(status.target()))
                .bind("last_success_at", Rows.millis(status.lastSuccessAt()))
                .bind("last_count", status.lastCount())
                .bind("last_duration_ms", status.lastDurationMs())
                .bind("last_error", status.lastError())
                .bind("last_error_at", Rows.millis(status.lastErrorAt()))
                .bind("details", json.write(details))
                .execute());
    }

    @Override
    public Optional<IngestionStatus> find(IngestionTarget target) {
        return db.withHandle(h -> h.createQuery(
                        "SELECT " + String.join(", ", COLUMNS) + " FROM ingestion_status WHERE target_id = :id")
                .bind("id", target.key())
                .map((rs, ctx) -> {
                    Map<String, Object> details = json.objectMap(rs.getString("details"));
                    Object facts = details.getOrDefault("facts", Map.of());
                    Map<String, String> factMap = new java.util.LinkedHashMap<>();
                    if (facts instanceof Map<?, ?> m) {
                        m.forEach((k, v) -> factMap.put(String.valueOf(k), String.valueOf(v)));
                    }
                    Object skipped = details.getOrDefault("skipped", 0);
                    return new IngestionStatus(
                            target,
                            IngestionState.valueOf(String.valueOf(details.getOrDefault("state", "IDLE"))),
                            ((Number) details.getOrDefault("bytes", 0)).longValue(),
                            ((Number) details.getOrDefault("entries", 0)).longValue(),
                            Rows.nullableInstant(rs, "last_success_at"),
                            rs.getLong("last_count"),
                            rs.getLong("last_duration_ms"),
                            ((Number) skipped).longValue(),
                            rs.getString("last_error"),
                            Rows.nullableInstant(rs, "last_error_at"),
                            factMap);
                })
                .findOne());
    }

    private static String kind(IngestionTarget target) {
        return target instanceof IngestionTarget.GuideSource ? "epg_source" : "stream_source";
    }
}
