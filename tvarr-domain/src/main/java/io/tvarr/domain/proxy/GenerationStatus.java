package io.tvarr.domain.proxy;

import io.tvarr.domain.Redaction;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a proxy's generation stands: whether one runs now, the last successful report, and the last failure if
 * it came after that success.
 */
public record GenerationStatus(
        ProxyId proxy,
        boolean running,
        @Nullable GenerationReport lastReport,
        @Nullable String lastError,
        @Nullable Instant lastFailedAt) {
    public GenerationStatus {
        // a failed generation quotes the source or logo URL that failed it
        lastError = lastError == null ? null : Redaction.redactUrl(lastError);
    }

    public static GenerationStatus never(ProxyId proxy) {
        return new GenerationStatus(proxy, false, null, null, null);
    }

    public GenerationStatus succeeded(GenerationReport report) {
        return new GenerationStatus(proxy, running, report, null, null);
    }

    public GenerationStatus failed(String error, Instant at) {
        return new GenerationStatus(proxy, running, lastReport, error, at);
    }

    public GenerationStatus running(boolean now) {
        return new GenerationStatus(proxy, now, lastReport, lastError, lastFailedAt);
    }

    public Optional<GenerationReport> report() {
        return Optional.ofNullable(lastReport);
    }
}
