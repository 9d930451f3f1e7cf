package io.tvarr.http.logo;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiNullable;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.tvarr.domain.NotFoundException;
import io.tvarr.domain.StorageException;
import io.tvarr.domain.logo.ImageFormat;
import io.tvarr.domain.logo.LogoAsset;
import io.tvarr.domain.logo.port.in.CleanUpLogosUseCase;
import io.tvarr.domain.logo.port.in.FindCachedLogoUseCase;
import io.tvarr.domain.logo.port.in.UploadLogoUseCase;
import io.tvarr.http.ApiRoutes;
import io.tvarr.http.OutputAccessCheck;
import io.tvarr.http.problem.Problem;
import io.tvarr.http.problem.ProblemResponses;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Cached logos: served content-addressed with long cache lifetimes, uploads, and cleanup. All proxies share the
 * logos, so a client may read them when it may read at least one proxy's outputs ({@code ?token=} for a token
 * proxy, whose published logo URLs carry it).
 */
public final class LogoRoutes implements ApiRoutes {
    private final FindCachedLogoUseCase files;
    private final UploadLogoUseCase uploads;
    private final CleanUpLogosUseCase cleanup;
    private final OutputAccessCheck access;

    public LogoRoutes(
            FindCachedLogoUseCase files,
            UploadLogoUseCase uploads,
            CleanUpLogosUseCase cleanup,
            OutputAccessCheck access) {
        this.access = access;
        this.files = files;
        this.uploads = uploads;
        this.cleanup = cleanup;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/logos/{file}", this::serve);
        routes.head("/logos/{file}", this::serve);
        routes.post("/api/v1/logos", this::upload);
        routes.post("/api/v1/logos/cleanup", this::cleanup);
    }

    @OpenApi(
            path = "/logos/{file}",
            methods = {HttpMethod.GET, HttpMethod.HEAD},
            summary = "A cached logo by content hash ({sha256}.{png|jpg|gif|webp|svg})",
            tags = "logos",
            pathParams = @OpenApiParam(name = "file", required = true),
            queryParams = @OpenApiParam(name = "token", description = "the token of a token proxy"),
            responses = {
                @OpenApiResponse(status = "200"),
                @OpenApiResponse(
                        status = "403",
                        description = "the client may read no proxy's outputs",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE)),
                @OpenApiResponse(
                        status = "404",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void serve(Context ctx) {
        access.logos(ctx);
        String name = ctx.pathParam("file");
        Path file = files.file(name).orElseThrow(() -> new NotFoundException("logo '" + name + "': not cached"));
        String extension = name.substring(name.lastIndexOf('.') + 1);
        ImageFormat format = ImageFormat.ofExtension(extension).orElseThrow();
        String etag = "\"" + name.substring(0, name.indexOf('.')) + "\"";
        // the name is the content's hash, so the bytes behind a URL never change
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.header("ETag", etag);
        ctx.header("X-Content-Type-Options", "nosniff");
        if (format == ImageFormat.SVG) {
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        }
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && ifNoneMatch.contains(etag)) {
            ctx.status(304);
            return;
        }
        ctx.contentType(format.contentType());
        try {
            InputStream in = Files.newInputStream(file);
            ctx.result(in);
        } catch (IOException e) {
            throw new StorageException("logo " + name + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    @OpenApi(
            path = "/api/v1/logos",
            methods = HttpMethod.POST,
            summary = "Upload a logo (raw image body, or multipart field 'file'); refer to it as its url",
            tags = "logos",
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "image/png")),
            responses = {
                @OpenApiResponse(status = "201", content = @OpenApiContent(from = LogoView.class)),
                @OpenApiResponse(
                        status = "400",
                        content = @OpenApiContent(from = Problem.class, mimeType = ProblemResponses.CONTENT_TYPE))
            })
    void upload(Context ctx) {
        byte[] bytes;
        if (ctx.isMultipartFormData()) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) {
                throw new io.tvarr.domain.ValidationException("file: multipart field 'file' is missing");
            }
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new io.tvarr.domain.ValidationException(
                        "file: upload could not be read (" + e.getMessage() + ")");
            }
        } else if (isImage(ctx.contentType())) {
            bytes = ctx.bodyAsBytes();
        } else {
            // text/plain and form bodies can be sent cross-site without a preflight; an image upload is neither
            throw new HttpResponseException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                    "Content-Type: expected image/* or multipart/form-data, found "
                            + (ctx.contentType() == null ? "none" : ctx.contentType()));
        }
        ctx.status(201).json(LogoView.of(uploads.upload(bytes)));
    }

    @OpenApi(
            path = "/api/v1/logos/cleanup",
            methods = HttpMethod.POST,
            summary = "Remove cached logos no channel and no mapping rule refers to",
            tags = "logos",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(from = CleanupView.class)))
    void cleanup(Context ctx) {
        ctx.json(new CleanupView(cleanup.cleanup()));
    }

    private static boolean isImage(@Nullable String contentType) {
        return contentType != null
                && contentType.strip().toLowerCase(java.util.Locale.ROOT).startsWith("image/");
    }

    /** A cached logo; {@code url} is the path to use in playlists and mapping rules. */
    record LogoView(
            String sha256,
            String url,
            String contentType,
            long size,
            @OpenApiNullable @Nullable String originalUrl,
            Instant fetchedAt) {
        static LogoView of(LogoAsset a) {
            return new LogoView(
                    a.sha256(), "/logos/" + a.fileName(), a.contentType(), a.size(), a.originalUrl(), a.fetchedAt());
        }
    }

    /** How many logos a cleanup removed. */
    record CleanupView(int removed) {}
}
