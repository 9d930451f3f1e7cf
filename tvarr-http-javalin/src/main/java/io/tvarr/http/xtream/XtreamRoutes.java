package io.tvarr.http.xtream;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.xtream.XtreamLogin;
import io.tvarr.domain.xtream.port.in.LogInXtreamUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamChannelUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamTimeshiftUseCase;
import io.tvarr.domain.xtream.port.in.PlayXtreamVodUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamGuideUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamVodUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.OutputAccessCheck;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Clock;

/**
 * Each proxy as an Xtream Codes account, logged in to with one of its output users: {@code /player_api.php},
 * {@code /get.php}, {@code /xmltv.php} and the stream paths {@code /live/{username}/{password}/{streamId}.ts}
 * (and {@code .m3u8}). A proxy never generated is generated on its first request, as its playlist is. The
 * logins are the secret of a token proxy; a LAN proxy refuses clients outside its networks with 403 after the
 * login, so that from outside no answer tells which usernames exist.
 */
public final class XtreamRoutes implements ApiRoutes {
    /** What the door needs of the domain. */
    public record UseCases(
            LogInXtreamUseCase logins,
            PlayXtreamChannelUseCase player,
            ReadXtreamLineupUseCase lineups,
            ReadXtreamGuideUseCase guides,
            GenerateProxyUseCase generation,
            ReadXtreamVodUseCase vod,
            PlayXtreamVodUseCase vodPlayer,
            PlayXtreamTimeshiftUseCase archive) {}

    private final UseCases uses;
    private final PlayerApi playerApi;
    private final XtreamFiles files;
    private final XtreamStreams streams;
    private final OutputAccessCheck access;

    public XtreamRoutes(UseCases uses, OutputAccessCheck access, Clock clock) {
        this.uses = uses;
        this.access = access;
        this.playerApi = new PlayerApi(uses.lineups(), uses.guides(), uses.vod(), clock);
        this.files = new XtreamFiles(uses.lineups(), uses.generation());
        this.streams = new XtreamStreams(uses.player(), uses.vodPlayer(), uses.archive(), access);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/player_api.php", this::playerApi);
        routes.post("/player_api.php", this::playerApi);
        routes.get("/get.php", this::playlist);
        routes.get("/xmltv.php", this::guide);
        routes.get("/live/{username}/{password}/{stream}", streams::play);
        routes.head("/live/{username}/{password}/{stream}", streams::play);
        routes.get("/movie/{username}/{password}/{stream}", streams::movie);
        routes.head("/movie/{username}/{password}/{stream}", streams::movie);
        routes.get("/series/{username}/{password}/{stream}", streams::episode);
        routes.head("/series/{username}/{password}/{stream}", streams::episode);
        routes.get("/timeshift/{username}/{password}/{duration}/{start}/{stream}", streams::timeshift);
        routes.head("/timeshift/{username}/{password}/{duration}/{start}/{stream}", streams::timeshift);
    }

    @OpenApi(
            path = "/player_api.php",
            methods = {HttpMethod.GET, HttpMethod.POST},
            summary = "Xtream Codes player API: without action the login answer, else get_live_categories,"
                    + " get_live_streams, get_short_epg, get_simple_data_table, get_vod_categories, get_vod_streams,"
                    + " get_vod_info (vod_id), get_series_categories, get_series, get_series_info (series_id); VOD and"
                    + " series answer empty when the proxy's xtreamVod is off",
            tags = "xtream",
            queryParams = {
                @OpenApiParam(name = "username", required = true),
                @OpenApiParam(name = "password", required = true),
                @OpenApiParam(name = "action"),
                @OpenApiParam(name = "category_id"),
                @OpenApiParam(name = "stream_id"),
                @OpenApiParam(name = "vod_id"),
                @OpenApiParam(name = "series_id"),
                @OpenApiParam(name = "limit")
            },
            responses = {
                @OpenApiResponse(status = "200", description = "{\"user_info\":{\"auth\":0}} for a wrong login"),
                @OpenApiResponse(
                        status = "403",
                        description = "the proxy answers only its networks, and the client is outside them",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void playerApi(Context ctx) {
        XtreamLogin login = logIn(ctx);
        if (login instanceof XtreamLogin.Granted granted) {
            ensurePublished(granted.user().proxy());
        }
        playerApi.answer(ctx, login);
    }

    @OpenApi(
            path = "/get.php",
            methods = HttpMethod.GET,
            summary = "The account's playlist: type=m3u_plus (or m3u), output=ts (default) or m3u8",
            tags = "xtream",
            queryParams = {
                @OpenApiParam(name = "username", required = true),
                @OpenApiParam(name = "password", required = true),
                @OpenApiParam(name = "type"),
                @OpenApiParam(name = "output")
            },
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "401"),
                @OpenApiResponse(
                        status = "403",
                        description = "the proxy answers only its networks, and the client is outside them",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void playlist(Context ctx) {
        if (logIn(ctx) instanceof XtreamLogin.Granted granted) {
            ensurePublished(granted.user().proxy());
            files.playlist(ctx, granted.user());
        } else {
            XtreamFiles.refuse(ctx);
        }
    }

    @OpenApi(
            path = "/xmltv.php",
            methods = HttpMethod.GET,
            summary = "The account's guide: the proxy's published XMLTV",
            tags = "xtream",
            queryParams = {
                @OpenApiParam(name = "username", required = true),
                @OpenApiParam(name = "password", required = true)
            },
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "401"),
                @OpenApiResponse(
                        status = "403",
                        description = "the proxy answers only its networks, and the client is outside them",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void guide(Context ctx) {
        if (logIn(ctx) instanceof XtreamLogin.Granted granted) {
            ensurePublished(granted.user().proxy());
            files.guide(ctx, granted.user().proxy());
        } else {
            XtreamFiles.refuse(ctx);
        }
    }

    /** The login, refused with 403 when the user's proxy does not answer the client's network. */
    private XtreamLogin logIn(Context ctx) {
        String username = param(ctx, "username");
        String password = param(ctx, "password");
        if (username.isEmpty() || password.isEmpty()) {
            return new XtreamLogin.Refused();
        }
        XtreamLogin login = uses.logins().logIn(username, password);
        if (login instanceof XtreamLogin.Granted granted) {
            access.account(ctx, granted.user().proxy());
        } else if (login instanceof XtreamLogin.Expired expired) {
            access.account(ctx, expired.user().proxy());
        }
        return login;
    }

    /** Query parameter, or form field of a POST as some players send. */
    static String param(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null && "POST".equals(ctx.method().name())) {
            value = ctx.formParam(name);
        }
        return value == null ? "" : value;
    }

    private void ensurePublished(ProxyId proxy) {
        if (!uses.lineups().isPublished(proxy)) {
            uses.generation().generate(proxy);
        }
    }
}
