package io.tvarr.http.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.port.in.GenerateProxyUseCase;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.OutputAccessCheck;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What players subscribe to: {@code /proxy/{idOrSlug}.m3u} and {@code .xmltv}, with the aliases
 * {@code /proxy/{idOrSlug}/playlist.m3u8}, {@code epg.xml} and {@code epg.xml.gz}. A proxy never generated is
 * generated on its first request. {@code /proxy/{proxyId}/{channelId}} is the stream URL of proxy and
 * transcode delivery. Every path checks the proxy's output access first ({@link OutputAccessCheck}): a token proxy
 * is named by its token instead of id or slug, or by id or slug with {@code ?token=}.
 */
public final class OutputRoutes implements ApiRoutes {
    // not audio/x-mpegurl: Javalin never compresses audio/* types, and players accept either
    private static final String M3U = "application/x-mpegurl; charset=utf-8";
    private static final String XML = "application/xml; charset=utf-8";

    private final GenerateProxyUseCase generation;
    private final PublishedFiles files = new PublishedFiles();
    private final ChannelStreams streams;
    private final OutputAccessCheck access;

    public OutputRoutes(GenerateProxyUseCase generation, PlayChannelUseCase channels, OutputAccessCheck access) {
        this.generation = generation;
        this.access = access;
        this.streams = new ChannelStreams(channels, access);
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/proxy/{file}", this::output);
        routes.head("/proxy/{file}", this::output);
        routes.get("/proxy/{proxy}/{item}", this::item);
        routes.head("/proxy/{proxy}/{item}", this::item);
    }

    @OpenApi(
            path = "/proxy/{file}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            summary = "A proxy's playlist ({idOrSlug}.m3u or .m3u8) or guide ({idOrSlug}.xmltv or .xml)",
            tags = "outputs",
            description = "{idOrSlug} may be the proxy's token instead; a token proxy named by id or slug needs"
                    + " ?token=, and is a 404 without it",
            pathParams = @OpenApiParam(name = "file", required = true, example = "living-room.m3u"),
            queryParams = @OpenApiParam(name = "token", description = "the token of a token proxy"),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "304"),
                @OpenApiResponse(
                        status = "401",
                        description = "a wrong ?token=",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "403",
                        description = "a LAN proxy asked from outside its networks",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void output(Context ctx) {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        String extension = dot < 0 ? "" : file.substring(dot + 1);
        String name = dot < 0 ? file : file.substring(0, dot);
        if (!List.of("m3u", "m3u8", "xmltv", "xml").contains(extension)) {
            throw new NotFoundException(
                    "'" + file + "': not an output (expected: {idOrSlug}.m3u, .m3u8, .xmltv or .xml)");
        }
        ProxyId proxy = access.proxy(ctx, name);
        if (extension.startsWith("m3u")) {
            files.serve(ctx, published(proxy, generation::playlist), M3U);
        } else {
            files.serve(ctx, published(proxy, generation::guide), XML);
        }
    }

    @OpenApi(
            path = "/proxy/{proxy}/{item}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            summary = "playlist.m3u8, epg.xml, epg.xml.gz, or a channel's stream (proxy and transcode delivery)",
            tags = "outputs",
            pathParams = {
                @OpenApiParam(name = "proxy", required = true, description = "id, slug, or the token of a token proxy"),
                @OpenApiParam(name = "item", required = true, description = "file name or channel id")
            },
            queryParams = @OpenApiParam(name = "token", description = "the token of a token proxy named by id or slug"),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(status = "302", description = "redirect delivery: the upstream URL"),
                @OpenApiResponse(
                        status = "401",
                        description = "a wrong ?token=",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "403",
                        description = "a LAN proxy asked from outside its networks",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "501",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "502",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "503",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void item(Context ctx) {
        ProxyId proxy = access.proxy(ctx, ctx.pathParam("proxy"));
        switch (ctx.pathParam("item")) {
            case "playlist.m3u8", "playlist.m3u" -> files.serve(ctx, published(proxy, generation::playlist), M3U);
            case "epg.xml" -> files.serve(ctx, published(proxy, generation::guide), XML);
            case "epg.xml.gz" -> files.serveGzipped(ctx, published(proxy, generation::guide));
            default -> streams.play(ctx, proxy, ctx.pathParam("item"));
        }
    }

    /** The published file, generating the proxy first if it never was. */
    private Path published(ProxyId id, Function<ProxyId, Optional<Path>> file) {
        Optional<Path> existing = file.apply(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        generation.generate(id);
        return file.apply(id).orElseThrow(() -> new NotFoundException("proxy " + id + ": outputs were not published"));
    }
}
