package io.tvarr.http;

import io.tvarr.domain.Checks;
import io.tvarr.domain.output.CidrRange;
import java.util.List;

/**
 * How the HTTP server listens.
 *
 * @param port 0 picks a free port
 * @param corsOrigins origins allowed to call the API from a browser; "*" allows any; empty disables CORS
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} names the client; empty trusts none
 */
public record HttpSettings(
        String host,
        int port,
        List<String> corsOrigins,
        boolean accessLog,
        List<CidrRange> trustedProxies,
        long maxUploadBytes) {
    /** The largest file a multipart request may carry unless configured: 1 GiB. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 1L << 30;

    public HttpSettings {
        host = Checks.requireText(host, "server.host");
        Checks.requireRange(port, 0, 65535, "server.port");
        corsOrigins = List.copyOf(corsOrigins);
        trustedProxies = List.copyOf(trustedProxies);
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException("sources.max_upload_bytes: must be at least 1, was " + maxUploadBytes);
        }
    }

    /** Settings with the default upload limit. */
    public HttpSettings(
            String host, int port, List<String> corsOrigins, boolean accessLog, List<CidrRange> trustedProxies) {
        this(host, port, corsOrigins, accessLog, trustedProxies, DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** Settings that trust no reverse proxy: the socket's peer is the client. */
    public HttpSettings(String host, int port, List<String> corsOrigins, boolean accessLog) {
        this(host, port, corsOrigins, accessLog, List.of());
    }
}
