package io.tvarr.http.problem;

import io.tvarr.domain.source.UploadLimit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.BadMessageException;

/**
 * Jetty's refusals of a multipart body, which reach the handlers as a servlet exception, said as what the client
 * did wrong instead of an internal error: a file over the upload limit (Jetty names the limit in its message), or a
 * body that is not well-formed multipart.
 */
final class MultipartRefusals {
    private static final Pattern MAX_FILE_SIZE = Pattern.compile("max file size exceeded: (\\d+)");

    private MultipartRefusals() {}

    record Refusal(ProblemType type, String detail) {}

    static Optional<Refusal> of(Throwable failure) {
        BadMessageException badMessage = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadMessageException bad) {
                badMessage = bad;
            }
            Matcher limit = MAX_FILE_SIZE.matcher(String.valueOf(cause.getMessage()));
            if (limit.find()) {
                return Optional.of(new Refusal(
                        ProblemType.CONTENT_TOO_LARGE,
                        UploadLimit.exceeded(Long.parseLong(limit.group(1))).getMessage()));
            }
        }
        return badMessage == null
                ? Optional.empty()
                : Optional.of(new Refusal(
                        ProblemType.VALIDATION,
                        "the multipart body could not be read (" + badMessage.getReason() + ")"));
    }
}
