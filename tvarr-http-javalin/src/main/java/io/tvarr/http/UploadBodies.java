package io.tvarr.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.tvarr.domain.ValidationException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The file of an upload route: a multipart field {@code file}, or the raw body when its type is one the route
 * takes. Either is streamed (Jetty keeps a large part on disk, never in memory). A text/plain or form body is
 * refused: those are sent cross-site without a preflight.
 */
public final class UploadBodies {
    private UploadBodies() {}

    /**
     * @param types the raw body types taken, lower case, without parameters
     * @return the upload, which the caller closes
     * @throws ValidationException when the multipart field {@code file} is missing
     * @throws HttpResponseException 415 for a body of another type, naming the types taken
     */
    public static InputStream open(Context ctx, Set<String> types) {
        if (ctx.isMultipartFormData()) {
            UploadedFile file = ctx.uploadedFile("file");
            if (file == null) {
                throw new ValidationException("file: multipart field 'file' is missing");
            }
            return file.content();
        }
        if (types.contains(mediaType(ctx.contentType()))) {
            return ctx.bodyInputStream();
        }
        throw new HttpResponseException(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                "Content-Type: expected "
                        + String.join(", ", types.stream().sorted().toList()) + " or multipart/form-data, found "
                        + (ctx.contentType() == null ? "none" : ctx.contentType()));
    }

    private static String mediaType(@Nullable String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }
}
