package io.tvarr.relay.session;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.relay.hls.HlsFetcher;
import io.tvarr.relay.limit.ConnectionLimits;
import io.tvarr.relay.limit.HostBreakers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files fetched request by request with the player's byte range, within the provider's and host's limits and the
 * host's breaker. Open answers with the same session key (one player's overlapping ranges on one file) share one
 * provider connection: the first takes it, the last to close gives it back. Thread-safe.
 */
final class FileFetcher {
    private static final Logger log = LoggerFactory.getLogger(FileFetcher.class);
    /** The headers a player needs to seek, passed on as the upstream sent them. */
    private static final List<String> PASSED = List.of("Content-Length", "Content-Range", "Accept-Ranges");

    private @Nullable HttpClient client;
    private final Duration connectTimeout;
    private final Duration answerTimeout;
    private final ConnectionLimits limits;
    private final HostBreakers breakers;
    private final Map<String, Integer> holders = new HashMap<>();
    /** The answers open under each key, ended together when their shared connection's lease is lost. */
    private final Map<String, List<Answer>> open = new HashMap<>();

    FileFetcher(Duration connectTimeout, Duration answerTimeout, ConnectionLimits limits, HostBreakers breakers) {
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
        this.limits = limits;
        this.breakers = breakers;
    }

    /** Made on first use: a JDK client loads the TLS trust store and starts a thread, which slowed every start (#19). */
    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    RelayedFile fetch(StreamPlan plan, FileRequest request, String host) {
        String where = Redaction.redactUrl(plan.upstreamUrl());
        URI uri = uri(plan.upstreamUrl(), where);
        String key = plan.sessionKey();
        hold(key, plan, host);
        try {
            HttpResponse<InputStream> response = send(uri, plan, request, where, host);
            Answer answer = new Answer(response, request.headOnly(), done -> release(key, plan, host, done));
            synchronized (this) {
                open.computeIfAbsent(key, k -> new ArrayList<>()).add(answer);
            }
            return answer;
        } catch (RuntimeException e) {
            release(key, plan, host);
            throw e;
        }
    }

    private HttpResponse<InputStream> send(URI uri, StreamPlan plan, FileRequest request, String where, String host) {
        // a HEAD is asked as a GET whose body is dropped unread: panels answer GET with the same headers, not always
        // HEAD
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(uri).timeout(answerTimeout).GET();
        plan.headers().forEach(builder::header);
        if (request.range() != null) {
            builder.header("Range", request.range());
        }
        HttpResponse<InputStream> response;
        try {
            response = client().send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            breakers.failed(host);
            throw new UpstreamException(where + ": no answer within " + answerTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            breakers.failed(host);
            throw new UpstreamException(where + ": " + HlsFetcher.reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(where + ": interrupted while waiting for the answer", e);
        }
        int status = response.statusCode();
        if (status == 200 || status == 206 || status == 416) {
            breakers.succeeded(host);
            return response;
        }
        closeQuietly(response.body());
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new RefusedUpstreamException(where + ": http " + status);
        }
        breakers.failed(host);
        throw new UpstreamException(where + ": http " + status);
    }

    private synchronized void hold(String key, StreamPlan plan, String host) {
        Integer held = holders.get(key);
        if (held == null) {
            limits.acquire(plan.source(), plan.sourceName(), plan.sourceLimit(), host, () -> lost(key, plan));
            try {
                breakers.permit(host);
            } catch (UnavailableException e) {
                limits.release(plan.source(), host);
                throw e;
            }
        }
        holders.put(key, held == null ? 1 : held + 1);
    }

    /**
     * The connection's lease went to another instance (this one lost the database for longer than a lease): its
     * transfers end, so that the provider's limit holds across instances; their players see the file end early.
     */
    private void lost(String key, StreamPlan plan) {
        List<Answer> ending;
        synchronized (this) {
            ending = List.copyOf(open.getOrDefault(key, List.of()));
        }
        log.warn(
                "file transfer ended, its connection lease was lost to another instance source_id={} transfers={}",
                plan.source(),
                ending.size());
        ending.forEach(Answer::end);
    }

    private synchronized void release(String key, StreamPlan plan, String host, Answer answer) {
        open.computeIfPresent(key, (k, answers) -> {
            answers.remove(answer);
            return answers.isEmpty() ? null : answers;
        });
        release(key, plan, host);
    }

    private synchronized void release(String key, StreamPlan plan, String host) {
        Integer held = holders.get(key);
        if (held == null) {
            return;
        }
        if (held > 1) {
            holders.put(key, held - 1);
            return;
        }
        holders.remove(key);
        limits.release(plan.source(), host);
    }

    private static URI uri(String url, String where) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedUpstreamException(where + ": not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedUpstreamException(where + ": only http and https upstreams can be relayed");
        }
        return uri;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the answer is done with either way; closing only frees the connection sooner
        }
    }

    /** The upstream's answer; closing it ends the request and releases the connection once. */
    private static final class Answer implements RelayedFile {
        private final int status;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final InputStream body;
        private final Consumer<Answer> release;
        private boolean closed;

        Answer(HttpResponse<InputStream> response, boolean headOnly, Consumer<Answer> release) {
            this.status = response.statusCode();
            for (String name : PASSED) {
                response.headers().firstValue(name).ifPresent(value -> headers.put(name, value));
            }
            if (headOnly) {
                closeQuietly(response.body());
                this.body = InputStream.nullInputStream();
            } else {
                this.body = response.body();
            }
            this.release = release;
        }

        @Override
        public int status() {
            return status;
        }

        @Override
        public Map<String, String> headers() {
            return Map.copyOf(headers);
        }

        @Override
        public InputStream body() {
            return body;
        }

        /** Drops the connection from another thread: the player's blocked read fails, and its close releases it. */
        void end() {
            closeQuietly(body);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                closeQuietly(body);
            } finally {
                release.accept(this);
            }
        }
    }
}
