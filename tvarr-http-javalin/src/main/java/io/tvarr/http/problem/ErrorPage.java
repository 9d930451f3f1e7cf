package io.tvarr.http.problem;

import io.javalin.http.Context;

/**
 * Shows a failure to a person as an HTML page instead of {@code application/problem+json}: a browser that opens a
 * page with an unknown id should see a page saying so, while the API keeps answering problems for programs.
 */
public interface ErrorPage {
    /** No pages: every failure is a problem document. */
    ErrorPage NONE = new ErrorPage() {
        @Override
        public boolean wants(Context ctx) {
            return false;
        }

        @Override
        public void render(Context ctx, int status, String title, String detail) {
            throw new IllegalStateException("no error page for " + ctx.path());
        }
    };

    /** Whether the request is a browser's page request this renderer answers. */
    boolean wants(Context ctx);

    /**
     * Writes the page.
     *
     * @param detail already redacted of credentials
     */
    void render(Context ctx, int status, String title, String detail);
}
