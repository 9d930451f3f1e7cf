package io.tvarr.relay.session;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.relay.hls.HlsFetcher;
import io.tvarr.relay.hls.HlsStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;

/** Opens a channel's upstream over HTTP(S) with the provider's headers and a bounded wait for the answer. */
final class UpstreamConnector implements UpstreamOpener {
    private final HttpClient client;
    private final Duration answerTimeout;

    UpstreamConnector(Duration connectTimeout, Duration answerTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.answerTimeout = answerTimeout;
    }

    /** An HLS playlist's text, fetched with the provider's headers over this connector's client. */
    String playlist(URI url, java.util.Map<String, String> headers) throws InterruptedException {
        return new HlsFetcher(client, headers, answerTimeout).playlist(url);
    }

    /** The response body of a 200 answer; the caller closes it. */
    @Override
    public InputStream open(StreamPlan plan) throws InterruptedException {
        String where = Redaction.redactUrl(plan.upstreamUrl());
        URI uri;
        try {
            uri = URI.create(plan.upstreamUrl());
        } catch (IllegalArgumentException e) {
            throw new RefusedUpstreamException(where + ": not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUpstreamException(where + ": only http and https upstreams can be relayed");
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(answerTimeout).GET();
        plan.headers().forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(where + ": no answer within " + answerTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new UpstreamException(where + ": " + HlsFetcher.reason(e), e);
        }
        int status = response.statusCode();
        if (status != 200) {
            close(response.body());
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new RefusedUpstreamException(where + ": http " + status);
            }
            throw new UpstreamException(where + ": http " + status);
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        String path =
                response.uri().getPath() == null ? "" : response.uri().getPath().toLowerCase(Locale.ROOT);
        if (type.contains("mpegurl") || path.endsWith(".m3u8")) {
            String playlist;
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(2 * 1024 * 1024);
                playlist = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UpstreamException(where + ": " + HlsFetcher.reason(e), e);
            }
            if (!playlist.stripLeading().startsWith("#EXTM3U")) {
                throw new RefusedUpstreamException(where + ": announced as HLS but is not a playlist");
            }
            HlsFetcher fetcher = new HlsFetcher(client, plan.headers(), answerTimeout);
            return HlsStream.open(fetcher, response.uri(), playlist, 0);
        }
        return response.body();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the answer is already a failure; nothing to add
        }
    }
}
