package io.tvarr.http.system;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.system.ConfigSetting;
import io.tvarr.domain.system.port.in.ShowConfigurationUseCase;
import io.tvarr.http.ApiRoutes;
import java.util.List;

/** The configuration in effect, secrets masked, for admins checking what tvarr started with. */
public final class ConfigInEffectRoutes implements ApiRoutes {
    private final ShowConfigurationUseCase configuration;

    public ConfigInEffectRoutes(ShowConfigurationUseCase configuration) {
        this.configuration = configuration;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/system/config", this::config);
    }

    @OpenApi(
            path = "/api/v1/system/config",
            methods = HttpMethod.GET,
            summary = "The configuration in effect: every key with its value, passwords and URLs' credentials masked",
            tags = "system",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ConfigView.class)))
    void config(Context ctx) {
        ctx.json(new ConfigView(configuration.settings().stream()
                .map(s -> new SettingView(s.key(), s.value(), s.byDefault(), s.description()))
                .toList()));
    }

    /** Every configuration key, in the documentation's order. */
    record ConfigView(List<SettingView> settings) {}

    /**
     * A key, its value in effect ({@value ConfigSetting#MASK} for a secret that is set, empty when unset), whether the
     * default is in effect, and what the key does.
     */
    record SettingView(String key, String value, boolean byDefault, String description) {}
}
