package io.tvarr.relay.session;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.relay.hls.HlsFetcher;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream connection for one channel, fanned out to every client watching it through a ring buffer. A
 * reader thread copies the upstream into the buffer; each client reads at its own pace and is cut off if it
 * falls a whole buffer behind, so a slow client never slows the others.
 */
final class RelaySession {
    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);

    enum State {
        CONNECTING,
        STREAMING,
        ENDED,
        FAILED
    }

    final String id = UUID.randomUUID().toString();
    final StreamPlan plan;
    final String host;
    final Instant startedAt;
    private final RingBuffer ring;
    private final Clock clock;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong received = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile State state = State.CONNECTING;
    private volatile @Nullable String error;
    private volatile long lastDataNanos = System.nanoTime();
    private volatile @Nullable InputStream body;
    private volatile @Nullable Thread reader;

    @Nullable
    ScheduledFuture<?> idleStop;

    RelaySession(StreamPlan plan, String host, int bufferBytes, Clock clock) {
        this.plan = plan;
        this.host = host;
        this.ring = new RingBuffer(bufferBytes);
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Starts the reader thread; {@code outcome} is told how the upstream went, {@code ended} runs last. */
    void start(UpstreamOpener connector, Outcome outcome, Runnable ended) {
        Thread thread = new Thread(() -> pump(connector, outcome, ended), "tvarr-relay-" + plan.channel());
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    /** Told whether the upstream connected and sent data, for the host's circuit breaker. */
    interface Outcome {
        void connected();

        void failed();
    }

    private void pump(UpstreamOpener connector, Outcome outcome, Runnable ended) {
        String where = Redaction.redactUrl(plan.upstreamUrl());
        try (InputStream in = connector.open(plan)) {
            body = in;
            byte[] chunk = new byte[64 * 1024];
            int n;
            while (!stopping.get() && (n = in.read(chunk)) >= 0) {
                if (n == 0) {
                    continue;
                }
                if (state == State.CONNECTING) {
                    state = State.STREAMING;
                    outcome.connected();
                }
                lastDataNanos = System.nanoTime();
                received.addAndGet(n);
                ring.write(chunk, 0, n);
            }
            finish(null, outcome);
            log.info("relay upstream ended channel_id={} bytes={}", plan.channel(), received.get());
        } catch (UpstreamException e) {
            finish(e, outcome);
        } catch (IOException e) {
            finish(new UpstreamException(where + ": " + HlsFetcher.reason(e), e), outcome);
        } catch (InterruptedException e) {
            finish(new UpstreamException(where + ": interrupted"), outcome);
        } catch (RuntimeException e) {
            UpstreamException masked =
                    new UpstreamException(where + ": unexpected failure " + Redaction.redactUrl(e.toString()));
            // the trace shows where it failed; the original message may quote the upstream URL, so it stays out
            masked.setStackTrace(e.getStackTrace());
            log.error("relay session failed channel_id={}", plan.channel(), masked);
            finish(masked, outcome);
        } finally {
            ended.run();
        }
    }

    private void finish(@Nullable UpstreamException failure, Outcome outcome) {
        if (stopping.get()) {
            state = State.ENDED;
            ring.end(error == null ? null : new UpstreamException(error));
            return;
        }
        if (failure == null) {
            state = State.ENDED;
            ring.end(null);
            return;
        }
        if (state == State.CONNECTING) {
            outcome.failed();
        }
        state = State.FAILED;
        // every failure passes here on its way to players, the log and the sessions API: the last place to mask
        UpstreamException reported = masked(failure);
        error = reported.getMessage();
        log.info("relay upstream failed channel_id={} reason={}", plan.channel(), reported.getMessage());
        ring.end(reported);
    }

    /** The failure itself when its message names no credentials, else one of the same kind with them masked. */
    private static UpstreamException masked(UpstreamException failure) {
        String message = String.valueOf(failure.getMessage());
        String clean = Redaction.redactUrl(message);
        if (clean.equals(message)) {
            return failure;
        }
        return failure instanceof RefusedUpstreamException
                ? new RefusedUpstreamException(clean)
                : new UpstreamException(clean);
    }

    /** Stops the upstream; clients get what is buffered and then the end (or {@code reason} as an error). */
    void stop(@Nullable String reason) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        error = reason;
        ring.end(reason == null ? null : new UpstreamException(reason));
        InputStream in = body;
        if (in != null) {
            // closing may wait for a process to die; callers hold the hub's lock, so it happens elsewhere
            Thread closer = new Thread(
                    () -> {
                        try {
                            in.close();
                        } catch (IOException e) {
                            // closing is all that is left to do
                        }
                    },
                    "tvarr-relay-close-" + plan.channel());
            closer.setDaemon(true);
            closer.start();
        }
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
    }

    boolean finished() {
        return stopping.get() || state == State.ENDED || state == State.FAILED;
    }

    State state() {
        return state;
    }

    /** How long the upstream has sent nothing; waiting for slow clients to make room does not count. */
    Duration silence() {
        if (ring.writerWaiting()) {
            lastDataNanos = System.nanoTime();
        }
        return Duration.ofNanos(System.nanoTime() - lastDataNanos);
    }

    StreamSubscription join(ClientInfo info, int backlog, java.util.function.Consumer<Client> leave) {
        Client client = new Client(info, ring.join(backlog), clock.instant(), leave);
        clients.add(client);
        return client;
    }

    boolean remove(Client client) {
        clients.remove(client);
        return clients.isEmpty();
    }

    boolean idle() {
        return clients.isEmpty();
    }

    RelaySessionInfo info() {
        List<RelaySessionInfo.Client> views = new ArrayList<>();
        for (Client c : clients) {
            views.add(new RelaySessionInfo.Client(c.info.address(), c.info.userAgent(), c.connectedAt, c.sent));
        }
        long seconds = Math.max(1, Duration.between(startedAt, clock.instant()).toSeconds());
        return new RelaySessionInfo(
                id,
                plan.channel().toString(),
                plan.channelName(),
                plan.source().toString(),
                host,
                state.name().toLowerCase(java.util.Locale.ROOT),
                error,
                startedAt,
                received.get(),
                received.get() * 8 / 1000 / seconds,
                views);
    }

    /** One watching client, reading at its own position. */
    final class Client implements StreamSubscription {
        final ClientInfo info;
        final Instant connectedAt;
        private final java.util.function.Consumer<Client> leave;
        private final RingBuffer.Cursor cursor;
        private volatile long sent;
        private final AtomicBoolean closed = new AtomicBoolean();

        Client(
                ClientInfo info,
                RingBuffer.Cursor cursor,
                Instant connectedAt,
                java.util.function.Consumer<Client> leave) {
            this.info = info;
            this.cursor = cursor;
            this.connectedAt = connectedAt;
            this.leave = leave;
        }

        @Override
        public int read(byte[] buffer) {
            try {
                while (true) {
                    int n = ring.read(cursor, buffer, 1000);
                    if (n > 0) {
                        sent += n;
                        return n;
                    }
                    if (n < 0) {
                        return -1;
                    }
                }
            } catch (RingBuffer.Behind e) {
                log.info(
                        "relay client cut off channel_id={} client={} reason={}",
                        plan.channel(),
                        info.address(),
                        e.getMessage());
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UpstreamException("interrupted");
            }
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                ring.leave(cursor);
                leave.accept(this);
            }
        }
    }
}
