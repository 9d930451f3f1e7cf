package io.tvarr.http.relay;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.relay.FFmpegInstallation;
import io.tvarr.domain.relay.FFmpegReport;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.RelayUpstreams;
import io.tvarr.domain.relay.StreamSwitch;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.in.InspectFFmpegUseCase;
import io.tvarr.domain.relay.port.in.InspectRelayUseCase;
import io.tvarr.domain.relay.port.in.StopRelaySessionUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.EnumParam;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the relay is doing: sessions and their clients, upstream hosts' breakers, provider connection use. */
public final class RelayRoutes implements ApiRoutes {
    private final InspectRelayUseCase relay;
    private final StopRelaySessionUseCase sessions;
    private final InspectFFmpegUseCase ffmpeg;
    private final String instance;

    /**
     * @param instance the tvarr instance serving these routes: relay sessions stay on the instance that serves them, so
     *     every session listed here is held by it
     */
    public RelayRoutes(
            InspectRelayUseCase relay, StopRelaySessionUseCase sessions, InspectFFmpegUseCase ffmpeg, String instance) {
        this.relay = relay;
        this.sessions = sessions;
        this.ffmpeg = ffmpeg;
        this.instance = instance;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/relay/sessions", this::sessions);
        routes.delete("/api/v1/relay/sessions/{id}", this::stop);
        routes.get("/api/v1/relay/upstreams", this::upstreams);
        routes.get("/api/v1/system/ffmpeg", this::ffmpeg);
    }

    @OpenApi(
            path = "/api/v1/relay/sessions",
            methods = HttpMethod.GET,
            summary = "Running upstream sessions with their clients, bytes and bitrate",
            tags = "relay",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = SessionView[].class)))
    void sessions(Context ctx) {
        ctx.json(relay.sessions().stream().map(s -> SessionView.of(s, instance)).toList());
    }

    @OpenApi(
            path = "/api/v1/relay/sessions/{id}",
            methods = HttpMethod.DELETE,
            summary = "Stop a session and disconnect its clients",
            tags = "relay",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void stop(Context ctx) {
        sessions.stop(ctx.pathParam("id"));
        ctx.status(204);
    }

    @OpenApi(
            path = "/api/v1/relay/upstreams",
            methods = HttpMethod.GET,
            summary = "Circuit breaker state per upstream host and connections in use per source",
            tags = "relay",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = UpstreamsView.class)))
    void upstreams(Context ctx) {
        RelayUpstreams upstreams = relay.upstreams();
        ctx.json(new UpstreamsView(upstreams.hosts(), upstreams.sourceConnections()));
    }

    @OpenApi(
            path = "/api/v1/system/ffmpeg",
            methods = HttpMethod.GET,
            summary = "The FFmpeg in use: binary, origin, version, encoders, hwaccels, verified hardware encoders",
            tags = "system",
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = FFmpegView.class)),
                @OpenApiResponse(
                        status = "503",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void ffmpeg(Context ctx) {
        FFmpegReport report = ffmpeg.inspect();
        FFmpegInstallation installation = report.installation();
        ctx.json(new FFmpegView(
                installation.ffmpeg().toString(),
                installation.ffprobe().toString(),
                installation.origin(),
                installation.version(),
                installation.encoders(),
                installation.hwaccels(),
                report.verifiedHardware().stream()
                        .map(EnumParam::format)
                        .sorted()
                        .toList()));
    }

    /** What the FFmpeg installation offers. */
    record FFmpegView(
            String ffmpeg,
            String ffprobe,
            String origin,
            String version,
            List<String> encoders,
            List<String> hwaccels,
            List<String> verifiedHardware) {}

    /**
     * A running relay session and the players it feeds; {@code error} says why it stopped, if it did. {@code
     * streamIndex} is which of the channel's {@code streamCount} failover streams plays (0 is its own), {@code
     * switches} every move to a next stream with the reason. {@code instance} is the tvarr instance holding the
     * session (the one answering).
     */
    record SessionView(
            String id,
            String channelId,
            String channelName,
            String sourceId,
            String upstreamHost,
            String state,
            @OpenApiNullable @Nullable String error,
            Instant startedAt,
            long bytesReceived,
            long bitrateKbps,
            List<RelaySessionInfo.Client> clients,
            int streamIndex,
            int streamCount,
            List<StreamSwitch> switches,
            String instance) {
        static SessionView of(RelaySessionInfo s, String instance) {
            return new SessionView(
                    s.id(),
                    s.channelId(),
                    s.channelName(),
                    s.sourceId(),
                    s.upstreamHost(),
                    s.state(),
                    s.error(),
                    s.startedAt(),
                    s.bytesReceived(),
                    s.bitrateKbps(),
                    s.clients(),
                    s.streamIndex(),
                    s.streamCount(),
                    s.switches(),
                    instance);
        }
    }

    /** Upstream hosts and per-source use. */
    record UpstreamsView(List<UpstreamHealth> hosts, Map<String, Integer> sourceConnections) {}
}
