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
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.RedirectException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpResponseParserFactory;
import org.apache.hc.client5.http.impl.io.DefaultManagedHttpClientConnection;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.DefaultContentLengthStrategy;
import org.apache.hc.core5.http.impl.io.ChunkedInputStream;
import org.apache.hc.core5.http.impl.io.DefaultHttpRequestWriterFactory;
import org.apache.hc.core5.http.io.SessionInputBuffer;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * Opens a channel's upstream over HTTP(S) with the provider's headers and a bounded wait for the answer, through
 * Apache HttpClient's classic (blocking) client: the body is read on the session's own thread straight from the socket
 * into its buffer (the JDK's client hands every 16 KiB to another thread, which cost most of the relay's CPU per GB).
 * Connections are never reused: each stream is one long-lived connection, and a failed upstream's must not go back to
 * a pool. HLS playlists and segments still go through the JDK's client ({@link HlsFetcher}).
 */
final class UpstreamConnector implements UpstreamOpener, AutoCloseable {
    private static final int MAX_REDIRECTS = 5;
    private static final int SOCKET_BUFFER_BYTES = 1024 * 1024;
    /** Apache's per-connection buffer: heads and chunk framing; large reads bypass it into the session's buffer. */
    private static final int READ_BUFFER_BYTES = 64 * 1024;

    /** HLS only; made on first use. */
    private @Nullable HttpClient client;

    /**
     * Made on first use, as {@link #client}: its connection manager loads the TLS trust store, a tenth of a one-entry
     * {@code tvarr generate}, which never relays (#19).
     */
    private @Nullable CloseableHttpClient upstreams;

    private final javax.net.ssl.@Nullable SSLContext tls;
    private final ExecutorService waiting;
    private final Duration connectTimeout;
    private final Duration answerTimeout;
    private final AtomicLong connections = new AtomicLong();

    UpstreamConnector(Duration connectTimeout, Duration answerTimeout) {
        this(connectTimeout, answerTimeout, null);
    }

    /** @param tls the TLS context for {@code https://} upstreams; null for the JVM's default trust */
    UpstreamConnector(Duration connectTimeout, Duration answerTimeout, javax.net.ssl.@Nullable SSLContext tls) {
        this.tls = tls;
        this.waiting = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "tvarr-relay-upstream-open");
            thread.setDaemon(true);
            return thread;
        });
        this.connectTimeout = connectTimeout;
        this.answerTimeout = answerTimeout;
    }

    private synchronized CloseableHttpClient upstreams() {
        if (upstreams == null) {
            upstreams = build(connectTimeout, tls);
        }
        return upstreams;
    }

    private CloseableHttpClient build(Duration connectTimeout, javax.net.ssl.@Nullable SSLContext tls) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create();
        if (tls != null) {
            pool.setTlsSocketStrategy(new DefaultClientTlsStrategy(tls));
        }
        return HttpClients.custom()
                .setConnectionManager(pool.setConnectionFactory(socket -> {
                            ChunkCoalescingConnection connection =
                                    new ChunkCoalescingConnection("tvarr-upstream-" + connections.incrementAndGet());
                            if (socket != null) {
                                connection.bind(socket);
                            }
                            return connection;
                        })
                        // how many upstreams may be open is ConnectionLimits' call, not the pool's
                        .setMaxConnTotal(Integer.MAX_VALUE)
                        .setMaxConnPerRoute(Integer.MAX_VALUE)
                        .setDefaultSocketConfig(SocketConfig.custom()
                                .setTcpNoDelay(true)
                                .setRcvBufSize(SOCKET_BUFFER_BYTES)
                                .setSoTimeout(Timeout.DISABLED)
                                .build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                // past the head, silence is the relay's watchdog's to judge, not a socket timeout
                                .setSocketTimeout(Timeout.DISABLED)
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.DISABLED)
                        .setMaxRedirects(MAX_REDIRECTS)
                        .build())
                .setConnectionReuseStrategy((request, response, context) -> false)
                .setRedirectStrategy(new HttpOnlyRedirects())
                // the relay copies bytes as they come: no gzip to undo, no retried or delayed requests, no cookies
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
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

    /** An HLS playlist's text, fetched with the provider's headers over this connector's client. */
    String playlist(URI url, java.util.Map<String, String> headers) throws InterruptedException {
        return new HlsFetcher(client(), headers, answerTimeout).playlist(url);
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
        if (uri.getHost() == null) {
            throw new RefusedUpstreamException(where + ": no host");
        }
        HttpGet get = new HttpGet(uri);
        try {
            headers(get, plan.headers());
        } catch (IllegalArgumentException e) {
            throw new RefusedUpstreamException(where + ": " + e.getMessage());
        }
        HttpClientContext context = HttpClientContext.create();
        // a socket read ignores interrupts and the head's wait has no timeout of its own (the body's must have none):
        // the request runs on a helper thread while this one waits, interruptibly and bounded, and cancels it
        // the client is made here, not on the helper thread, so making it is not counted in the wait for the answer
        CloseableHttpClient upstream = upstreams();
        Future<ClassicHttpResponse> answer = waiting.submit(() -> upstream.executeOpen(null, get, context));
        ClassicHttpResponse response;
        try {
            response = answer.get(connectTimeout.plus(answerTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            cancel(get, answer);
            throw new InterruptedException(where + ": interrupted while waiting for the answer");
        } catch (TimeoutException e) {
            cancel(get, answer);
            throw new UpstreamException(where + ": no answer within " + answerTimeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw failure(where, e.getCause());
        }
        Body body = new Body(get, response);
        List<URI> redirects = context.getRedirectLocations().getAll();
        URI at = redirects.isEmpty() ? uri : redirects.get(redirects.size() - 1);
        Header type = response.getFirstHeader("Content-Type");
        return answer(plan, where, response.getCode(), type == null ? "" : type.getValue(), at, body);
    }

    /**
     * The plan's headers on the request; Apache's client would quietly turn a line break into a space, so a value
     * holding one is refused here.
     */
    private static void headers(HttpGet get, java.util.Map<String, String> headers) {
        boolean accept = false;
        for (java.util.Map.Entry<String, String> header : headers.entrySet()) {
            String name = header.getKey();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("host") || lower.equals("connection") || lower.equals("content-length")) {
                continue; // the request's own
            }
            if (!token(name)) {
                throw new IllegalArgumentException("header name '" + name + "' is not a valid HTTP token");
            }
            if (header.getValue().indexOf('\r') >= 0 || header.getValue().indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header '" + name + "': value holds a line break");
            }
            accept |= lower.equals("accept");
            get.addHeader(name, header.getValue());
        }
        if (!accept) {
            get.addHeader("Accept", "*/*");
        }
    }

    private static boolean token(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Cancels a request still waiting for its answer; one that came meanwhile is closed, its connection with it. */
    private static void cancel(HttpGet get, Future<ClassicHttpResponse> answer) {
        get.cancel();
        if (!answer.cancel(true)) {
            try {
                closeQuietly(answer.get());
            } catch (InterruptedException | ExecutionException e) {
                // no answer to close
            }
        }
    }

    private static UpstreamException failure(String where, Throwable cause) {
        if (cause instanceof ClientProtocolException && cause.getCause() instanceof SchemeRefused) {
            return new RefusedUpstreamException(where + ": " + HlsFetcher.reason(cause.getCause()));
        }
        if (cause instanceof ClientProtocolException || cause instanceof NoHttpResponseException) {
            return new UpstreamException(where + ": not an HTTP/1 answer (" + HlsFetcher.reason(cause) + ")", cause);
        }
        return new UpstreamException(where + ": " + HlsFetcher.reason(cause), cause);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // the connection is being dropped; nothing to add
        }
    }

    @Override
    public void close() {
        waiting.shutdownNow();
        CloseableHttpClient made;
        synchronized (this) {
            made = upstreams;
        }
        if (made != null) {
            made.close(CloseMode.IMMEDIATE);
        }
    }

    /**
     * An answer's body. Closing it, from any thread, cancels the request first: the connection is dropped at once
     * (a blocked read fails) instead of the body being read to its end, which a live stream never reaches.
     */
    private static final class Body extends InputStream {
        private final HttpGet request;
        private final ClassicHttpResponse response;
        private final InputStream in;

        Body(HttpGet request, ClassicHttpResponse response) {
            this.request = request;
            this.response = response;
            HttpEntity entity = response.getEntity();
            InputStream content;
            try {
                content = entity == null ? InputStream.nullInputStream() : entity.getContent();
            } catch (IOException e) {
                request.cancel();
                closeQuietly(response);
                throw new UpstreamException("the answer's body cannot be read: " + HlsFetcher.reason(e), e);
            }
            this.in = content;
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            return in.read(target, offset, length);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() {
            request.cancel();
            closeQuietly(response);
        }
    }

    /**
     * Apache's connection, its chunked bodies read across the chunks already buffered: Apache's decoder hands over
     * one chunk per read, and upstreams send small ones (the JDK's server 4 KiB), which would cost the relay a pass
     * through the splice, the ring and every client's wake-up per chunk (RelayCpuBench, 50 clients: x3.9 CPU per GB).
     */
    private static final class ChunkCoalescingConnection extends DefaultManagedHttpClientConnection {
        ChunkCoalescingConnection(String id) {
            super(
                    id,
                    null,
                    null,
                    Http1Config.custom().setBufferSize(READ_BUFFER_BYTES).build(),
                    DefaultContentLengthStrategy.INSTANCE,
                    DefaultContentLengthStrategy.INSTANCE,
                    DefaultHttpRequestWriterFactory.INSTANCE,
                    DefaultHttpResponseParserFactory.INSTANCE);
        }

        @Override
        protected InputStream createContentInputStream(long length, SessionInputBuffer buffer, InputStream socket) {
            InputStream body = super.createContentInputStream(length, buffer, socket);
            return body instanceof ChunkedInputStream chunks ? new CoalescedChunks(chunks, buffer) : body;
        }
    }

    /**
     * A chunked body whose reads go on into the next chunks while their bytes are already in the connection's buffer,
     * never waiting on the socket with bytes in hand.
     */
    private static final class CoalescedChunks extends InputStream {
        /**
         * Bytes buffered past a chunk's end that surely hold the next chunk's CRLF and size line (a few hex digits;
         * extensions are rare and short) and some of its data, so reading on cannot wait on the socket.
         */
        private static final int NEXT_CHUNK_HEADROOM = 64;

        private final ChunkedInputStream chunks;
        private final SessionInputBuffer buffer;

        CoalescedChunks(ChunkedInputStream chunks, SessionInputBuffer buffer) {
            this.chunks = chunks;
            this.buffer = buffer;
        }

        @Override
        public int read() throws IOException {
            return chunks.read();
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int total = chunks.read(target, offset, length);
            if (total <= 0) {
                return total;
            }
            while (total < length && (chunks.available() > 0 || buffer.length() >= NEXT_CHUNK_HEADROOM)) {
                int n = chunks.read(target, offset + total, length - total);
                if (n <= 0) {
                    break;
                }
                total += n;
            }
            return total;
        }

        @Override
        public int available() throws IOException {
            return chunks.available();
        }

        @Override
        public void close() throws IOException {
            chunks.close();
        }
    }

    /** A redirect away from http(s): the upstream, as configured, cannot be relayed. */
    private static final class SchemeRefused extends RedirectException {
        private static final long serialVersionUID = 1L;

        SchemeRefused() {
            super("redirected to a scheme other than http(s)");
        }
    }

    /** Apache's redirects (at most {@link #MAX_REDIRECTS}), to http(s) only. */
    private static final class HttpOnlyRedirects extends DefaultRedirectStrategy {
        @Override
        public URI getLocationURI(HttpRequest request, HttpResponse response, HttpContext context)
                throws HttpException {
            URI location = super.getLocationURI(request, response, context);
            String scheme =
                    location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new SchemeRefused();
            }
            return location;
        }
    }

    /** A 200 answer's body, or HLS collapsed into one stream; any other status is a failure. */
    private InputStream answer(StreamPlan plan, String where, int status, String contentType, URI uri, InputStream body)
            throws InterruptedException {
        if (status != 200) {
            close(body);
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                throw new RefusedUpstreamException(where + ": http " + status);
            }
            throw new UpstreamException(where + ": http " + status);
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath().toLowerCase(Locale.ROOT);
        if (type.contains("mpegurl") || path.endsWith(".m3u8")) {
            String playlist;
            try (body) {
                byte[] bytes = body.readNBytes(2 * 1024 * 1024);
                playlist = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UpstreamException(where + ": " + HlsFetcher.reason(e), e);
            }
            if (!playlist.stripLeading().startsWith("#EXTM3U")) {
                throw new RefusedUpstreamException(where + ": announced as HLS but is not a playlist");
            }
            HlsFetcher fetcher = new HlsFetcher(client(), plan.headers(), answerTimeout);
            return HlsStream.open(fetcher, uri, playlist, 0);
        }
        return body;
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // the answer is already a failure; nothing to add
        }
    }
}
