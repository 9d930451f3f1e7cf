package io.tvarr.relay.hls;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** GETs playlists and segments with the provider's headers and a bounded wait. */
public final class HlsFetcher {
    private static final int MAX_PLAYLIST_BYTES = 2 * 1024 * 1024;

    private final HttpClient client;
    private final Map<String, String> headers;
    private final Duration timeout;

    public HlsFetcher(HttpClient client, Map<String, String> headers, Duration timeout) {
        this.client = client;
        this.headers = headers;
        this.timeout = timeout;
    }

    public String playlist(URI url) throws InterruptedException {
        try (InputStream in = open(url)) {
            byte[] bytes = in.readNBytes(MAX_PLAYLIST_BYTES + 1);
            if (bytes.length > MAX_PLAYLIST_BYTES) {
                throw new RefusedUpstreamException(
                        where(url) + ": playlist larger than " + MAX_PLAYLIST_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UpstreamException(where(url) + ": " + reason(e), e);
        }
    }

    /** A 200 body; a 4xx is a {@link RefusedUpstreamException}, anything else an {@link UpstreamException}. */
    InputStream open(URI url) throws InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(url).timeout(timeout).GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(where(url) + ": no answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new UpstreamException(where(url) + ": " + reason(e), e);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        try {
            response.body().close();
        } catch (IOException e) {
            // the answer is a failure already
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new RefusedUpstreamException(where(url) + ": http " + status);
        }
        throw new UpstreamException(where(url) + ": http " + status);
    }

    static String where(URI url) {
        return Redaction.redactUrl(url.toString());
    }

    /**
     * Why a request failed, with credentials masked: the first message down the causes (the HTTP client's
     * connection errors carry none themselves), else the exception's kind.
     */
    public static String reason(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            if (e.getMessage() != null && !e.getMessage().isBlank()) {
                return Redaction.redactUrl(e.getMessage());
            }
        }
        return failure.getClass().getSimpleName();
    }
}
