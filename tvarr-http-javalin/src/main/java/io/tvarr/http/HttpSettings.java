package io.tvarr.http;

import io.tvarr.domain.Checks;
import java.util.List;

/**
 * How the HTTP server listens.
 *
 * @param port 0 picks a free port
 * @param corsOrigins origins allowed to call the API from a browser; "*" allows any; empty disables CORS
 */
public record HttpSettings(String host, int port, List<String> corsOrigins, boolean accessLog) {
    public HttpSettings {
        host = Checks.requireText(host, "server.host");
        Checks.requireRange(port, 0, 65535, "server.port");
        corsOrigins = List.copyOf(corsOrigins);
    }
}
