package io.tvarr.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.javalin.util.JavalinBindException;
import io.tvarr.domain.Redaction;
import io.tvarr.domain.UnavailableException;
import io.tvarr.http.problem.ErrorPage;
import io.tvarr.http.problem.ProblemResponses;
import java.net.BindException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The Javalin server: request ids, access log, CORS, problem responses, and the routes it is given. */
public final class TvarrHttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TvarrHttpServer.class);
    private static final Logger access = LoggerFactory.getLogger("io.tvarr.http.access");

    private final Javalin app;
    private final HttpSettings settings;
    private final List<ApiRoutes> routes;

    public TvarrHttpServer(HttpSettings settings, List<ApiRoutes> routes) {
        this(settings, routes, RequestObserver.NONE);
    }

    public TvarrHttpServer(HttpSettings settings, List<ApiRoutes> routes, RequestObserver observer) {
        tellJettyTheReferenceSize();
        this.settings = settings;
        this.routes = List.copyOf(routes);
        this.app = Javalin.create(config -> configure(config, settings, routes, observer));
    }

    /**
     * Jetty pads its queues to the cache line by the JVM's reference size, which it asks of the platform MBean server
     * unless a system property gives it (MemoryUtils); starting that server registers every platform MBean, JFR's
     * among them, tens of milliseconds of each start (#19). A heap under 32 GB has compressed, 4-byte references
     * (HotSpot's default), a larger one 8-byte ones; a wrong guess would cost padding, not correctness. A value set
     * by the user stays.
     */
    private static void tellJettyTheReferenceSize() {
        String property = "org.eclipse.jetty.util.referencesPerCacheLine";
        if (System.getProperty(property) == null) {
            int referenceBytes = Runtime.getRuntime().maxMemory() < 32L * 1024 * 1024 * 1024 ? 4 : 8;
            int cacheLineBytes = Integer.getInteger("org.eclipse.jetty.util.cacheLineBytes", 64);
            System.setProperty(property, Integer.toString(Math.max(1, cacheLineBytes / referenceBytes)));
        }
    }

    private static void configure(
            JavalinConfig config, HttpSettings settings, List<ApiRoutes> routes, RequestObserver observer) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
        config.jsonMapper(new JavalinJackson(JsonMapping.create(), config.concurrency.useVirtualThreads));
        // logo uploads reach 2 MiB and API bodies stay far smaller; Javalin's default is 1 MB
        config.http.maxRequestSize = 4L * 1024 * 1024;
        // a multipart file over the upload limit is cut off while it arrives instead of landing whole on disk first
        config.jetty.multipartConfig.maxFileSize(settings.maxUploadBytes(), SizeUnit.BYTES);
        config.jetty.host = settings.host();
        config.jetty.port = settings.port();
        if (!settings.corsOrigins().isEmpty()) {
            config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                if (settings.corsOrigins().contains("*")) {
                    rule.anyHost();
                } else {
                    settings.corsOrigins().forEach(origin -> rule.allowHost(origin));
                }
                rule.exposeHeader(RequestIds.HEADER);
            }));
        }
        if (settings.accessLog() || observer != RequestObserver.NONE) {
            config.requestLogger.http((ctx, ms) -> {
                Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
                observer.served(
                        ctx.method().name(), endpoint == null ? "unmatched" : endpoint.path, ctx.statusCode(), ms);
                if (settings.accessLog()) {
                    access.info(
                            "request served method={} path={} status={} duration_ms={} request_id={}",
                            ctx.method(),
                            // Xtream stream paths carry the player's password: /live/{username}/{password}/{id}.ts
                            Redaction.redactUrl(ctx.path()),
                            ctx.statusCode(),
                            Math.round(ms),
                            RequestIds.of(ctx));
                }
            });
        }
        config.routes.before(RequestIds::assign);
        config.routes.before(new CrossSiteRequests(settings.corsOrigins())::check);
        config.routes.after(ctx -> MDC.remove(RequestIds.MDC_KEY));
        // the web interface, when it is served, shows failures of its pages as pages
        ErrorPage page = routes.stream()
                .filter(ErrorPage.class::isInstance)
                .map(ErrorPage.class::cast)
                .findFirst()
                .orElse(ErrorPage.NONE);
        ProblemResponses.register(config.routes, page);
        new WebjarFiles(TvarrHttpServer.class.getClassLoader()).register(config.routes);
        routes.forEach(r -> r.register(config.routes));
    }

    /**
     * Starts listening.
     *
     * @throws UnavailableException when the address is taken or cannot be bound, naming host and port
     */
    public TvarrHttpServer start() {
        try {
            app.start();
        } catch (RuntimeException e) {
            if (isBindFailure(e)) {
                throw new UnavailableException(
                        "server.port: " + settings.host() + ":" + settings.port()
                                + " is already in use by another program (choose another with --port or server.port)",
                        0);
            }
            throw e;
        }
        log.info("http server started host={} port={}", settings.host(), app.port());
        return this;
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JavalinBindException || cause instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    /** The port listened on; the real one when settings asked for 0. */
    public int port() {
        return app.port();
    }

    /**
     * Stops accepting requests and lets in-flight ones finish. Routes that hold resources (the job event stream's
     * watch of the queue) are closed first: a job that changes while the server stops must not write into a request
     * Jetty has already recycled, which sends Javalin's error handling round in circles.
     */
    @Override
    public void close() {
        for (ApiRoutes route : routes) {
            if (route instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    log.warn(
                            "route not closed route={} reason={}",
                            route.getClass().getSimpleName(),
                            e.toString());
                }
            }
        }
        app.stop();
        log.info("http server stopped");
    }
}
