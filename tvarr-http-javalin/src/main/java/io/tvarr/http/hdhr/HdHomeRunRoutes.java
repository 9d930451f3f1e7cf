package io.tvarr.http.hdhr;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.proxy.LineupChannel;
import io.tvarr.domain.proxy.TunerDevice;
import io.tvarr.domain.proxy.port.in.DescribeTunerUseCase;
import io.tvarr.domain.proxy.port.in.ListLineupUseCase;
import io.tvarr.domain.relay.TunerStatus;
import io.tvarr.domain.relay.port.in.ReadTunerStatusUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.OutputAccessCheck;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every proxy whose tuner is on as an HDHomeRun device under {@code /hdhr/{idOrSlug}/}: {@code discover.json},
 * {@code lineup_status.json}, {@code lineup.json}, {@code lineup.xml}, {@code lineup.post}, {@code device.xml} and
 * {@code status.json};
 * the same files at the root for the default device, since some clients take only a host. The lineup's URLs are
 * the proxy's streams with {@code ?tuner=1}, always relayed ({@code /proxy/{proxy}/{channel}}). Output access
 * applies as to the proxy's playlist: a token proxy's device is {@code /hdhr/{token}/}, and the root files follow
 * the default proxy's access ({@code ?token=} for a token proxy).
 */
public final class HdHomeRunRoutes implements ApiRoutes {
    /** The files a real HDHomeRun serves at its root; here those of the default device. */
    public static final Set<String> ROOT_FILES = Set.of(
            "discover.json",
            "lineup_status.json",
            "lineup.json",
            "lineup.xml",
            "lineup.post",
            "device.xml",
            "status.json");

    private final DescribeTunerUseCase tuners;
    private final ReadTunerStatusUseCase tunerStatus;
    private final ListLineupUseCase lineup;
    private final LineupDocuments lineups;
    private final OutputAccessCheck access;

    public HdHomeRunRoutes(
            DescribeTunerUseCase tuners,
            ReadTunerStatusUseCase tunerStatus,
            ListLineupUseCase lineups,
            OutputAccessCheck access) {
        this.tuners = tuners;
        this.tunerStatus = tunerStatus;
        this.access = access;
        this.lineup = lineups;
        this.lineups = new LineupDocuments(lineups);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/hdhr/{proxy}/{file}", this::file);
        routes.post("/hdhr/{proxy}/lineup.post", ctx -> serve(ctx, () -> named(ctx), "lineup.post"));
        for (String file : ROOT_FILES) {
            routes.get("/" + file, ctx -> serve(ctx, () -> byDefault(ctx), file));
        }
        routes.post("/lineup.post", ctx -> serve(ctx, () -> byDefault(ctx), "lineup.post"));
    }

    @OpenApi(
            path = "/hdhr/{proxy}/{file}",
            methods = {HttpMethod.GET, HttpMethod.POST},
            summary = "A proxy as an HDHomeRun tuner: discover.json, lineup_status.json, lineup.json, lineup.xml,"
                    + " lineup.post (?scan=start|abort), device.xml, status.json (each tuner, and what a streaming"
                    + " one plays to whom); also at the root for the default proxy",
            tags = "hdhomerun",
            pathParams = {
                @OpenApiParam(name = "proxy", required = true, description = "id, slug, or the token of a token proxy"),
                @OpenApiParam(name = "file", required = true, example = "discover.json")
            },
            queryParams = @OpenApiParam(name = "token", description = "the token of a token proxy named by id or slug"),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(
                        status = "401",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "403",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void file(Context ctx) {
        serve(ctx, () -> named(ctx), ctx.pathParam("file"));
    }

    private TunerDevice named(Context ctx) {
        return tuners.describe(access.proxy(ctx, ctx.pathParam("proxy")).toString());
    }

    private TunerDevice byDefault(Context ctx) {
        TunerDevice device = tuners.describeDefault();
        try {
            access.proxy(ctx, device.proxy().toString());
        } catch (NotFoundException e) {
            // the refusal would name the proxy's id, which a token proxy keeps to those who hold its token
            throw new NotFoundException("the default HDHomeRun device: not found");
        }
        return device;
    }

    private void serve(Context ctx, Supplier<TunerDevice> devices, String file) {
        TunerDevice device = devices.get();
        switch (file) {
            case "discover.json" -> ctx.json(DeviceDocuments.discover(device));
            case "lineup_status.json" -> ctx.json(DeviceDocuments.lineupStatus());
            case "lineup.json" -> {
                ctx.contentType("application/json");
                lineups.json(device.proxy(), ctx::outputStream);
            }
            case "lineup.xml" -> {
                ctx.contentType("application/xml; charset=utf-8");
                lineups.xml(device.proxy(), ctx::outputStream);
            }
            case "lineup.post" -> scan(ctx);
            case "device.xml" ->
                ctx.contentType("application/xml; charset=utf-8").result(DeviceDocuments.deviceXml(device));
            case "status.json" -> ctx.json(status(device));
            default ->
                throw new NotFoundException(
                        "'" + file + "': not a file of an HDHomeRun device (expected one of " + ROOT_FILES + ")");
        }
    }

    private List<Map<String, Object>> status(TunerDevice device) {
        List<TunerStatus> status = tunerStatus.status(device.proxy().toString());
        Set<String> streaming = new HashSet<>();
        status.stream().filter(TunerStatus::busy).forEach(tuner -> streaming.add(tuner.channel()));
        Map<String, LineupChannel> channels = new HashMap<>();
        if (!streaming.isEmpty()) {
            lineup.forEachChannel(device.proxy(), channel -> {
                if (streaming.contains(channel.channel().toString())) {
                    channels.put(channel.channel().toString(), channel);
                }
            });
        }
        return DeviceDocuments.status(status, channels);
    }

    /**
     * A real device starts or aborts a channel scan; tvarr's lineup is the proxy's generated one, so there is
     * nothing to scan and both succeed at once, as a scan that found the lineup as it is.
     */
    private static void scan(Context ctx) {
        String scan = ctx.queryParam("scan");
        if (!"start".equals(scan) && !"abort".equals(scan)) {
            throw new ValidationException("scan: '" + scan + "' (expected: start or abort)");
        }
        ctx.status(200).result("");
    }
}
