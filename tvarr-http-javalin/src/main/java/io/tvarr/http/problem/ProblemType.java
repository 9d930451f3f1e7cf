package io.tvarr.http.problem;

/** The stable problem types clients can switch on. */
public enum ProblemType {
    VALIDATION(400, "Invalid request", "validation"),
    UNAUTHORIZED(401, "Unauthorized", "unauthorized"),
    FORBIDDEN(403, "Forbidden", "forbidden"),
    NOT_FOUND(404, "Not found", "not-found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed", "method-not-allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable", "not-acceptable"),
    CONFLICT(409, "Conflict", "conflict"),
    CONTENT_TOO_LARGE(413, "Content too large", "content-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type", "unsupported-media-type"),
    UPSTREAM(502, "Upstream failure", "upstream"),
    NOT_IMPLEMENTED(501, "Not implemented", "not-implemented"),
    UNAVAILABLE(503, "Service unavailable", "unavailable"),
    INTERNAL(500, "Internal error", "internal");

    private static final String BASE = "https://tvarr.io/problems/";

    private final int status;
    private final String title;
    private final String slug;

    ProblemType(int status, String title, String slug) {
        this.status = status;
        this.title = title;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return BASE + slug;
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
