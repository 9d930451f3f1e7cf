package io.tvarr.http;

/** Told of every request served, for the metrics; the route is the matched path template, never the raw path. */
@FunctionalInterface
public interface RequestObserver {
    RequestObserver NONE = (method, route, status, millis) -> {};

    /**
     * @param route the matched route ({@code /api/v1/proxies/{id}}), or {@code unmatched}: raw paths would make a
     *     label per URL anyone cares to request
     */
    void served(String method, String route, int status, float millis);
}
