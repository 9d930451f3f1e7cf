package io.tvarr.http.relay;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiIgnore;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiPropertyType;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiRequired;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.relay.AudioCodec;
import io.tvarr.domain.relay.HardwareAcceleration;
import io.tvarr.domain.relay.RelayProfile;
import io.tvarr.domain.relay.RelayProfileId;
import io.tvarr.domain.relay.VideoCodec;
import io.tvarr.domain.relay.port.in.ManageRelayProfilesUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.EnumParam;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Relay profiles: how FFmpeg transcodes the channels of proxies with transcode delivery. */
public final class RelayProfileRoutes implements ApiRoutes {
    private final ManageRelayProfilesUseCase profiles;

    public RelayProfileRoutes(ManageRelayProfilesUseCase profiles) {
        this.profiles = profiles;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/relay/profiles", this::list);
        routes.post("/api/v1/relay/profiles", this::create);
        routes.get("/api/v1/relay/profiles/{id}", this::get);
        routes.put("/api/v1/relay/profiles/{id}", this::update);
        routes.delete("/api/v1/relay/profiles/{id}", this::delete);
    }

    @OpenApi(
            path = "/api/v1/relay/profiles",
            methods = HttpMethod.GET,
            summary = "List relay profiles",
            tags = "relay",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProfileView[].class)))
    void list(Context ctx) {
        ctx.json(profiles.list().stream().map(ProfileView::of).toList());
    }

    @OpenApi(
            path = "/api/v1/relay/profiles",
            methods = HttpMethod.POST,
            summary = "Create a relay profile",
            tags = "relay",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ProfileBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = ProfileView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void create(Context ctx) {
        RelayProfile profile = JsonBodies.read(ctx, ProfileBody.class).toProfile(RelayProfileId.random());
        ctx.status(201).json(ProfileView.of(profiles.create(profile)));
    }

    @OpenApi(
            path = "/api/v1/relay/profiles/{id}",
            methods = HttpMethod.GET,
            summary = "Get a relay profile",
            tags = "relay",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProfileView.class)))
    void get(Context ctx) {
        ctx.json(ProfileView.of(profiles.get(RelayProfileId.parse(ctx.pathParam("id")))));
    }

    @OpenApi(
            path = "/api/v1/relay/profiles/{id}",
            methods = HttpMethod.PUT,
            summary = "Change a relay profile",
            tags = "relay",
            pathParams = @OpenApiParam(name = "id", required = true),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ProfileBody.class)),
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = ProfileView.class)))
    void update(Context ctx) {
        RelayProfileId id = RelayProfileId.parse(ctx.pathParam("id"));
        ctx.json(ProfileView.of(
                profiles.update(JsonBodies.read(ctx, ProfileBody.class).toProfile(id))));
    }

    @OpenApi(
            path = "/api/v1/relay/profiles/{id}",
            methods = HttpMethod.DELETE,
            summary = "Delete a relay profile no proxy uses",
            tags = "relay",
            pathParams = @OpenApiParam(name = "id", required = true),
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "409",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void delete(Context ctx) {
        profiles.delete(RelayProfileId.parse(ctx.pathParam("id")));
        ctx.status(204);
    }

    /** A relay profile as the API reads it; codecs default to copy, hardware to none, smart to off. */
    record ProfileBody(
            @OpenApiRequired @Nullable String name,

            @OpenApiPropertyType(definedBy = VideoCodec.class) @OpenApiNullable @Nullable
            String videoCodec,

            @OpenApiPropertyType(definedBy = AudioCodec.class) @OpenApiNullable @Nullable
            String audioCodec,

            @OpenApiNullable @Nullable Integer videoBitrateKbps,
            @OpenApiNullable @Nullable Integer audioBitrateKbps,
            @OpenApiNullable @Nullable Integer maxHeight,

            @OpenApiPropertyType(definedBy = HardwareAcceleration.class) @OpenApiNullable @Nullable
            String hwaccel,

            @OpenApiNullable @Nullable List<String> extraInputArgs,
            @OpenApiNullable @Nullable List<String> extraOutputArgs,
            @OpenApiNullable @Nullable Boolean smart) {
        @OpenApiIgnore
        RelayProfile toProfile(RelayProfileId id) {
            return new RelayProfile(
                    id,
                    name == null ? "" : name,
                    videoCodec == null ? VideoCodec.COPY : EnumParam.parse(VideoCodec.class, videoCodec, "videoCodec"),
                    audioCodec == null ? AudioCodec.COPY : EnumParam.parse(AudioCodec.class, audioCodec, "audioCodec"),
                    videoBitrateKbps == null ? 0 : videoBitrateKbps,
                    audioBitrateKbps == null ? 0 : audioBitrateKbps,
                    maxHeight == null ? 0 : maxHeight,
                    hwaccel == null
                            ? HardwareAcceleration.NONE
                            : EnumParam.parse(HardwareAcceleration.class, hwaccel, "hwaccel"),
                    extraInputArgs == null ? List.of() : extraInputArgs,
                    extraOutputArgs == null ? List.of() : extraOutputArgs,
                    smart != null && smart);
        }
    }

    /** A relay profile. */
    record ProfileView(
            String id,
            String name,

            @OpenApiPropertyType(definedBy = VideoCodec.class)
            String videoCodec,

            @OpenApiPropertyType(definedBy = AudioCodec.class)
            String audioCodec,

            int videoBitrateKbps,
            int audioBitrateKbps,
            int maxHeight,

            @OpenApiPropertyType(definedBy = HardwareAcceleration.class)
            String hwaccel,

            List<String> extraInputArgs,
            List<String> extraOutputArgs,
            boolean smart) {
        static ProfileView of(RelayProfile p) {
            return new ProfileView(
                    p.id().toString(),
                    p.name(),
                    EnumParam.format(p.videoCodec()),
                    EnumParam.format(p.audioCodec()),
                    p.videoBitrateKbps(),
                    p.audioBitrateKbps(),
                    p.maxHeight(),
                    EnumParam.format(p.hardwareAcceleration()),
                    p.extraInputArgs(),
                    p.extraOutputArgs(),
                    p.smart());
        }
    }
}
