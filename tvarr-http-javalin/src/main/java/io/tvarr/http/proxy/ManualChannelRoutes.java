package io.tvarr.http.proxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.ValidationException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.proxy.StreamProxy;
import io.tvarr.domain.proxy.port.in.ManageManualChannelsUseCase;
import io.tvarr.domain.proxy.port.in.ManageProxiesUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.JsonBodies;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Channels added to a proxy by hand: {@code /api/v1/proxies/{id}/manual-channels} (list, add), {@code
 * .../{channelId}} (read, replace, remove), {@code .../import} (an M3U body or upload) and {@code .../export}.
 */
public final class ManualChannelRoutes implements ApiRoutes {
    private static final String ALL = "/api/v1/proxies/{id}/manual-channels";
    private static final String ONE = ALL + "/{channelId}";
    private static final String M3U = "application/x-mpegurl; charset=utf-8";

    private final ManageProxiesUseCase proxies;
    private final ManageManualChannelsUseCase manual;

    public ManualChannelRoutes(ManageProxiesUseCase proxies, ManageManualChannelsUseCase manual) {
        this.proxies = proxies;
        this.manual = manual;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(ALL, this::list);
        routes.post(ALL, this::add);
        routes.post(ALL + "/import", this::importM3u);
        routes.get(ALL + "/export", this::exportM3u);
        routes.get(ONE, this::get);
        routes.put(ONE, this::replace);
        routes.delete(ONE, this::remove);
    }

    @OpenApi(
            path = ALL,
            methods = HttpMethod.GET,
            summary = "The channels added to the proxy by hand, in their order",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "id or slug"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ManualChannelView[].class)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void list(Context ctx) {
        ctx.json(manual.list(proxy(ctx)).stream().map(ManualChannelView::of).toList());
    }

    @OpenApi(
            path = ALL,
            methods = HttpMethod.POST,
            summary = "Add a channel to the proxy by hand: name and stream URL, optional tvg-id, logo, group, number"
                    + " and guide channel",
            description = "It follows the sources' channels through the proxy's pipeline from its next generation"
                    + " on, and keeps its id through every edit.",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "id or slug"),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ManualChannelBody.class)),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = ManualChannelView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void add(Context ctx) {
        ProxyId proxy = proxy(ctx);
        ManualChannelBody body = JsonBodies.read(ctx, ManualChannelBody.class);
        ctx.status(201).json(ManualChannelView.of(manual.add(body.toCommand(proxy))));
    }

    @OpenApi(
            path = ONE,
            methods = HttpMethod.GET,
            summary = "One channel added to the proxy by hand",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "channelId", required = true)
            },
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ManualChannelView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void get(Context ctx) {
        ctx.json(ManualChannelView.of(manual.get(proxy(ctx), channel(ctx))));
    }

    @OpenApi(
            path = ONE,
            methods = HttpMethod.PUT,
            summary = "Replace the values of a channel added by hand, keeping its id and place",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "channelId", required = true)
            },
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(from = ManualChannelBody.class)),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ManualChannelView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void replace(Context ctx) {
        ProxyId proxy = proxy(ctx);
        ChannelId channel = channel(ctx);
        ManualChannelBody body = JsonBodies.read(ctx, ManualChannelBody.class);
        ctx.json(ManualChannelView.of(manual.update(channel, body.toCommand(proxy))));
    }

    @OpenApi(
            path = ONE,
            methods = HttpMethod.DELETE,
            summary = "Remove a channel added to the proxy by hand",
            tags = "proxies",
            pathParams = {
                @OpenApiParam(name = "id", required = true, description = "id or slug"),
                @OpenApiParam(name = "channelId", required = true)
            },
            responses = {
                @OpenApiResponse(status = "204"),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void remove(Context ctx) {
        manual.remove(proxy(ctx), channel(ctx));
        ctx.status(204);
    }

    @OpenApi(
            path = ALL + "/import",
            methods = HttpMethod.POST,
            summary = "Import an M3U playlist into the proxy's manual channels (raw body or multipart field 'file')",
            description = "All or nothing: the first mistake is refused naming its line. An entry whose stream URL"
                    + " is that of a stored manual channel updates it, keeping its id; the others are added after"
                    + " them. Reads #EXTINF attributes tvg-id, tvg-chno, tvg-logo, group-title and"
                    + " tvarr-guide-channel.",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "id or slug"),
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "application/x-mpegurl")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = ManualChannelImportView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "415",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void importM3u(Context ctx) {
        ProxyId proxy = proxy(ctx);
        try (InputStream in = playlistBody(ctx);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            ctx.json(ManualChannelImportView.of(manual.importM3u(proxy, reader)));
        } catch (IOException e) {
            throw new ValidationException("file: upload could not be read (" + e.getMessage() + ")");
        }
    }

    @OpenApi(
            path = ALL + "/export",
            methods = HttpMethod.GET,
            summary = "The proxy's manual channels as an M3U playlist, which the import reads back",
            tags = "proxies",
            pathParams = @OpenApiParam(name = "id", required = true, description = "id or slug"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "application/x-mpegurl")),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void exportM3u(Context ctx) {
        StreamProxy proxy = proxies.find(ctx.pathParam("id"));
        StringWriter out = new StringWriter();
        manual.exportM3u(proxy.id(), out);
        ctx.header("Content-Disposition", "attachment; filename=\"" + proxy.slug() + "-manual-channels.m3u\"");
        ctx.contentType(M3U).result(out.toString());
    }

    /**
     * The playlist of a multipart upload or a raw M3U body. A text/plain or form body is refused: those are sent
     * cross-site without a preflight, a playlist type or an upload is not.
     */
    private static InputStream playlistBody(Context ctx) {
        if (ctx.isMultipartFormData()) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) {
                throw new ValidationException("file: multipart field 'file' is missing");
            }
            return file.content();
        }
        if (isPlaylist(ctx.contentType())) {
            return ctx.bodyInputStream();
        }
        throw new HttpResponseException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                "Content-Type: expected application/x-mpegurl, audio/x-mpegurl, audio/mpegurl or"
                        + " multipart/form-data, found " + (ctx.contentType() == null ? "none" : ctx.contentType()));
    }

    private static boolean isPlaylist(@Nullable String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/x-mpegurl")
                || type.equals("audio/x-mpegurl")
                || type.equals("audio/mpegurl")
                || type.equals("application/vnd.apple.mpegurl");
    }

    private ProxyId proxy(Context ctx) {
        return proxies.find(ctx.pathParam("id")).id();
    }

    private static ChannelId channel(Context ctx) {
        return ChannelId.parse(ctx.pathParam("channelId"));
    }
}
