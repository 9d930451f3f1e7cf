package io.tvarr.http.xtream;

import com.fasterxml.jackson.core.JsonGenerator;
import io.javalin.http.Context;
import io.tvarr.domain.account.OutputUser;
import io.tvarr.domain.xtream.XtreamLogin;
import io.tvarr.domain.xtream.port.in.ReadXtreamGuideUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamLineupUseCase;
import io.tvarr.domain.xtream.port.in.ReadXtreamVodUseCase;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * {@code player_api.php}: dispatches on {@code action}. A wrong login answers {@code {"user_info":{"auth":0}}} with
 * 200, as panels do; no action or one that lists nothing ({@code get_profile}, {@code get_server_info}) answers
 * the login; an expired account gets its login answer (status {@code Expired}) and empty lists.
 */
final class PlayerApi {
    /** The actions that answer something other than the login. */
    private static final Set<String> LIST_ACTIONS = Set.of(
            "get_live_categories",
            "get_live_streams",
            "get_short_epg",
            "get_simple_data_table",
            "get_vod_categories",
            "get_vod_streams",
            "get_vod_info",
            "get_series_categories",
            "get_series",
            "get_series_info");

    private final LiveLineupJson live;
    private final ShortEpgJson epg;
    private final VodJson vod;
    private final Clock clock;

    PlayerApi(ReadXtreamLineupUseCase lineups, ReadXtreamGuideUseCase guides, ReadXtreamVodUseCase vod, Clock clock) {
        this.live = new LiveLineupJson(lineups);
        this.vod = new VodJson(vod);
        this.epg = new ShortEpgJson(guides, clock);
        this.clock = clock;
    }

    void answer(Context ctx, XtreamLogin login) {
        String action = XtreamRoutes.param(ctx, "action").toLowerCase(Locale.ROOT);
        XtreamJson.write(ctx, json -> {
            if (login instanceof XtreamLogin.Refused) {
                json.writeStartObject();
                json.writeObjectFieldStart("user_info");
                json.writeNumberField("auth", 0);
                json.writeEndObject();
                json.writeEndObject();
            } else if (!LIST_ACTIONS.contains(action)) {
                // panels answer the login for no action and for any they do not list by, which clients rely on
                // (get_profile, get_server_info)
                authentication(ctx, json, login);
            } else if (login instanceof XtreamLogin.Granted granted) {
                action(ctx, json, action, granted.user());
            } else {
                json.writeStartArray();
                json.writeEndArray();
            }
        });
    }

    private void action(Context ctx, JsonGenerator json, String action, OutputUser user) throws IOException {
        switch (action) {
            case "get_live_categories" -> live.categories(json, user.proxy());
            case "get_live_streams" -> live.streams(json, user.proxy(), XtreamRoutes.param(ctx, "category_id"));
            case "get_short_epg" -> epg.listings(json, user.proxy(), streamId(ctx), limit(ctx, 4), false);
            case "get_simple_data_table" -> epg.listings(json, user.proxy(), streamId(ctx), 0, true);
            case "get_vod_categories" -> vod.movieCategories(json, user.proxy());
            case "get_vod_streams" -> vod.movies(json, user.proxy(), XtreamRoutes.param(ctx, "category_id"));
            case "get_vod_info" -> vod.movieInfo(json, user.proxy(), idParam(ctx, "vod_id"));
            case "get_series_categories" -> vod.seriesCategories(json, user.proxy());
            case "get_series" -> vod.series(json, user.proxy(), XtreamRoutes.param(ctx, "category_id"));
            case "get_series_info" -> vod.seriesInfo(json, user.proxy(), idParam(ctx, "series_id"));
            // actions listed above and not handled here
            default -> {
                json.writeStartArray();
                json.writeEndArray();
            }
        }
    }

    private void authentication(Context ctx, JsonGenerator json, XtreamLogin login) throws IOException {
        boolean expired = login instanceof XtreamLogin.Expired;
        OutputUser user = login instanceof XtreamLogin.Granted g ? g.user() : ((XtreamLogin.Expired) login).user();
        int active = login instanceof XtreamLogin.Granted g ? g.activeConnections() : 0;
        Instant now = clock.instant();
        json.writeStartObject();
        json.writeObjectFieldStart("user_info");
        json.writeStringField("username", user.username());
        json.writeStringField("password", XtreamRoutes.param(ctx, "password"));
        json.writeStringField("message", "");
        json.writeNumberField("auth", 1);
        json.writeStringField("status", expired ? "Expired" : "Active");
        if (user.expiresAt() == null) {
            json.writeNullField("exp_date");
        } else {
            json.writeStringField("exp_date", Long.toString(user.expiresAt().getEpochSecond()));
        }
        json.writeStringField("is_trial", "0");
        json.writeStringField("active_cons", Integer.toString(active));
        json.writeStringField("created_at", Long.toString(user.createdAt().getEpochSecond()));
        json.writeStringField("max_connections", Integer.toString(user.maxConnections()));
        json.writeArrayFieldStart("allowed_output_formats");
        json.writeString("m3u8");
        json.writeString("ts");
        json.writeEndArray();
        json.writeEndObject();
        XtreamServer server = XtreamServer.of(ctx);
        json.writeObjectFieldStart("server_info");
        json.writeStringField("url", server.host());
        json.writeStringField("port", server.https() ? "" : Integer.toString(server.port()));
        json.writeStringField("https_port", server.https() ? Integer.toString(server.port()) : "");
        json.writeStringField("server_protocol", server.https() ? "https" : "http");
        json.writeStringField("rtmp_port", "");
        json.writeStringField("timezone", "UTC");
        json.writeNumberField("timestamp_now", now.getEpochSecond());
        json.writeStringField("time_now", XtreamJson.dateTime(now));
        json.writeBooleanField("process", true);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static int streamId(Context ctx) {
        return parse(XtreamRoutes.param(ctx, "stream_id"), -1);
    }

    private static int idParam(Context ctx, String name) {
        return parse(XtreamRoutes.param(ctx, name), -1);
    }

    private static int limit(Context ctx, int fallback) {
        return Math.max(0, parse(XtreamRoutes.param(ctx, "limit"), fallback));
    }

    private static int parse(String value, int fallback) {
        try {
            return value.isEmpty() ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return fallback; // panels ignore a parameter they cannot read
        }
    }
}
