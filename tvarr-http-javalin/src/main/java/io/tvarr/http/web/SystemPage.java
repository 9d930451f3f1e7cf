package io.tvarr.http.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.relay.FFmpegReport;
import io.tvarr.domain.relay.port.in.InspectFFmpegUseCase;
import io.tvarr.domain.system.HealthCheck;
import io.tvarr.domain.system.VersionInfo;
import io.tvarr.domain.system.port.in.ShowConfigurationUseCase;
import java.util.HashMap;
import java.util.Map;

/**
 * The system page: version, readiness, the configuration in effect (secrets masked), and what {@code tvarr doctor} says about FFmpeg and hardware encoders. The
 * FFmpeg part is fetched by htmx after the page shows, since its first inspection runs test encodes for seconds.
 */
final class SystemPage {
    private final InspectFFmpegUseCase ffmpeg;
    private final HealthCheck health;
    private final VersionInfo version;
    private final ShowConfigurationUseCase configuration;
    private final Templates templates;
    private final WebAssets assets;

    SystemPage(WebUseCases useCases, Templates templates, WebAssets assets) {
        this.ffmpeg = useCases.ffmpeg();
        this.health = useCases.health();
        this.version = useCases.version();
        this.configuration = useCases.configuration();
        this.templates = templates;
        this.assets = assets;
    }

    void register(RoutesConfig routes) {
        routes.get("/system", this::show);
        routes.get("/system/ffmpeg", this::ffmpeg);
    }

    void show(Context ctx) {
        templates.render(
                ctx,
                "system.jte",
                Map.of(
                        "layout",
                        Layout.of(ctx, assets, "System", "system"),
                        "version",
                        version,
                        "health",
                        health.check(),
                        "settings",
                        configuration.settings()));
    }

    /** The doctor's findings alone; no FFmpeg is a finding too, said in the panel. */
    void ffmpeg(Context ctx) {
        Map<String, Object> params = new HashMap<>();
        try {
            FFmpegReport report = ffmpeg.inspect();
            params.put("report", report);
            params.put("problem", "");
        } catch (UnavailableException e) {
            params.put("report", null);
            params.put("problem", e.getMessage());
        }
        templates.render(ctx, "systemFfmpeg.jte", params);
    }
}
