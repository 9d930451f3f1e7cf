package io.tvarr.http;

import io.javalin.config.RoutesConfig;

/**
 * A feature's routes. Each feature package offers one implementation whose handlers are method references
 * on a controller; the app passes them all to {@link TvarrHttpServer}.
 */
@FunctionalInterface
public interface ApiRoutes {
    void register(RoutesConfig routes);
}
