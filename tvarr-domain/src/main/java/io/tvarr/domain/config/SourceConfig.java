package io.tvarr.domain.config;

import io.tvarr.domain.Checks;
import io.tvarr.domain.health.HealthCheckSettings;
import io.tvarr.domain.source.SourceKind;
import io.tvarr.domain.source.XtreamOutput;
import org.jspecify.annotations.Nullable;

/**
 * A channel source by name. {@code url} and {@code password} may hold {@code ${ENV_NAME}} references; without a
 * username there is no password. {@code streamCheck} holds its periodic stream checks.
 */
public record SourceConfig(
        String name,
        SourceKind kind,
        String url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String userAgent,
        boolean enabled,
        @Nullable String schedule,
        int maxConcurrentStreams,
        XtreamOutput xtreamOutput,
        boolean includeVod,
        boolean includeSeries,
        HealthCheckSettings streamCheck) {
    public SourceConfig {
        name = Checks.requireText(name, "name");
        Checks.requireNonNull(kind, "kind");
        url = Checks.requireText(url, "url");
        username = Checks.blankToNull(username);
        password = username == null ? null : (password == null ? "" : password);
        userAgent = Checks.blankToNull(userAgent);
        schedule = Checks.blankToNull(schedule);
        Checks.requireNonNull(xtreamOutput, "xtream_output");
        Checks.requireNonNull(streamCheck, "stream_check");
    }

    /** Without the password, should one reach a log line. */
    @Override
    public String toString() {
        return "SourceConfig[name=" + name + ", kind=" + kind + "]";
    }
}
