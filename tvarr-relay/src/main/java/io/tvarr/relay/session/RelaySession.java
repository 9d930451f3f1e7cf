package io.tvarr.relay.session;

import io.tvarr.domain.Redaction;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.StreamSwitch;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One output channel relayed to every client watching it through a ring buffer. A reader thread copies the
 * upstream into the buffer; each client reads at its own pace and is cut off if it falls a whole buffer behind, so
 * a slow client never slows the others. When the upstream fails (no answer, an error, no first byte, a stall, its
 * end) the reader moves to the channel's next stream the relay admits, on the same buffer, so every client follows
 * on its own connection; {@link TsSplice} keeps the MPEG-TS decodable across the switch.
 */
final class RelaySession {
    private static final Logger log = LoggerFactory.getLogger(RelaySession.class);
    private static final int PAT_SEARCH_BYTES = 1024 * 1024;
    private static final int UPSTREAM_READ_BYTES = 256 * 1024;

    enum State {
        CONNECTING,
        STREAMING,
        ENDED,
        FAILED
    }

    final String id = UUID.randomUUID().toString();
    final List<StreamPlan> streams;
    final StreamPlan plan;
    final Instant startedAt;
    private final RingBuffer ring;
    private final Clock clock;
    private final TsSplice splice = new TsSplice(PAT_SEARCH_BYTES);
    private final Set<RelayClient> clients = ConcurrentHashMap.newKeySet();
    private final List<StreamSwitch> switches = new CopyOnWriteArrayList<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile State state = State.CONNECTING;
    private volatile int current;
    private volatile String host;
    private volatile @Nullable String error;
    private volatile @Nullable String abandoned;
    private volatile long lastDataNanos = System.nanoTime();
    private volatile @Nullable InputStream body;
    private volatile @Nullable Thread reader;
    private volatile @Nullable Instant firstBytesAt;

    @Nullable
    ScheduledFuture<?> idleStop;

    /**
     * @param streams the channel's streams in failover order, the server's User-Agent already applied
     * @param first the stream whose connection the relay already took
     */
    RelaySession(List<StreamPlan> streams, int first, String host, int bufferBytes, Clock clock) {
        this.streams = List.copyOf(streams);
        this.plan = this.streams.get(0);
        this.current = first;
        this.host = host;
        this.ring = new RingBuffer(bufferBytes);
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Starts the reader thread; {@code upstreams} admits and opens streams, {@code ended} runs last. */
    void start(Upstreams upstreams, Runnable ended) {
        Thread thread = new Thread(() -> pump(upstreams, ended), "tvarr-relay-" + plan.channel());
        thread.setDaemon(true);
        reader = thread;
        thread.start();
    }

    /** What the session asks of the relay for each stream it plays. */
    interface Upstreams {
        /** The opener for the stream (the upstream itself, or FFmpeg's output). */
        UpstreamOpener opener(StreamPlan stream);

        /** The stream connected and sent data, for its host's circuit breaker. */
        void connected(StreamPlan stream);

        /** The stream failed before sending data, for its host's circuit breaker. */
        void failed(StreamPlan stream);

        /** The stream's connection is given back to its source's and host's counts. */
        void released(StreamPlan stream);

        /**
         * Takes the connection of the first of the {@code candidates} (indexes into {@code streams}, in the order
         * to try) that may be opened now.
         *
         * @param refusals told why each stream passed over was refused
         * @return its index, or -1 when none may
         */
        int admit(List<StreamPlan> streams, List<Integer> candidates, List<String> refusals);

        /** The upstream host of the stream, as the relay counts it. */
        String host(StreamPlan stream);
    }

    private void pump(Upstreams upstreams, Runnable ended) {
        Failover failover = new Failover(streams.size(), clock);
        try {
            while (true) {
                int index = current;
                firstBytesAt = null;
                @Nullable UpstreamException failure = relay(streams.get(index), upstreams);
                if (stopping.get() || (failure == null && index == streams.size() - 1)) {
                    finish(null);
                    return;
                }
                boolean flapping = failover.flapping(index, firstBytesAt);
                String reason = failure == null ? "upstream ended the stream" : failure.getMessage();
                if (flapping) {
                    finish(failover.gaveUp(reason));
                    return;
                }
                List<String> refusals = new ArrayList<>();
                int next = upstreams.admit(streams, failover.candidates(index), refusals);
                if (next < 0) {
                    finish(Failover.exhausted(failure, reason, refusals));
                    return;
                }
                switchTo(index, next, String.valueOf(reason), upstreams);
            }
        } finally {
            ended.run();
        }
    }

    private void switchTo(int from, int to, String reason, Upstreams upstreams) {
        StreamSwitch change = new StreamSwitch(from, to, Redaction.redactUrl(reason), clock.instant());
        switches.add(change);
        host = upstreams.host(streams.get(to));
        current = to;
        state = State.CONNECTING;
        lastDataNanos = System.nanoTime();
        splice.switched();
        log.warn(
                "relay stream switched session_id={} channel_id={} from_stream={} to_stream={} host={} reason={}",
                id,
                plan.channel(),
                from,
                to,
                host,
                change.reason());
    }

    /** Plays one stream until it ends or fails; null when it ended (or the session was stopped). */
    private @Nullable UpstreamException relay(StreamPlan stream, Upstreams upstreams) {
        String where = Redaction.redactUrl(stream.upstreamUrl());
        abandoned = null;
        Thread.interrupted();
        boolean streaming = false;
        try (InputStream in = upstreams.opener(stream).open(stream)) {
            body = in;
            // one buffer per session, large so a fast upstream costs few passes through the splice and the ring
            byte[] chunk = new byte[UPSTREAM_READ_BYTES];
            int n;
            while (!stopping.get() && abandoned == null && (n = read(in, chunk)) >= 0) {
                if (n == 0) {
                    continue;
                }
                if (!streaming) {
                    streaming = true;
                    firstBytesAt = clock.instant();
                    state = State.STREAMING;
                    upstreams.connected(stream);
                }
                lastDataNanos = System.nanoTime();
                received.addAndGet(n);
            }
            if (abandoned != null) {
                return outcome(new UpstreamException(where + ": " + abandoned), streaming, stream, upstreams);
            }
            log.info("relay upstream ended channel_id={} bytes={}", plan.channel(), received.get());
            return null;
        } catch (UpstreamException e) {
            return outcome(e, streaming, stream, upstreams);
        } catch (IOException e) {
            return outcome(new UpstreamException(where + ": " + HlsFetcher.reason(e), e), streaming, stream, upstreams);
        } catch (InterruptedException e) {
            return outcome(new UpstreamException(where + ": interrupted"), streaming, stream, upstreams);
        } catch (RuntimeException e) {
            UpstreamException masked =
                    new UpstreamException(where + ": unexpected failure " + Redaction.redactUrl(e.toString()));
            // the trace shows where it failed; the original message may quote the upstream URL, so it stays out
            masked.setStackTrace(e.getStackTrace());
            log.error("relay session failed channel_id={}", plan.channel(), masked);
            return outcome(masked, streaming, stream, upstreams);
        } finally {
            body = null;
            upstreams.released(stream);
        }
    }

    /**
     * Reads the upstream's next bytes into the ring: straight into the ring's own array when the splice only rewrites
     * packets where they lie (always, but for the start of a stream taking over), else through {@code chunk}.
     *
     * @return the count read from the upstream, or -1 at its end
     */
    private int read(InputStream in, byte[] chunk) throws IOException, InterruptedException {
        if (splice.inPlace()) {
            int room = ring.claim(UPSTREAM_READ_BYTES);
            // a region at the buffer's end too small for the packet held back and more is filled through chunk instead
            if (room > splice.held()) {
                byte[] data = ring.array();
                int at = ring.claimOffset();
                int held = splice.drainPending(data, at);
                int n = in.read(data, at + held, room - held);
                if (n >= 0) {
                    ring.commit(splice.writeInPlace(data, at, held + n));
                }
                return n;
            }
        }
        int n = in.read(chunk);
        if (n > 0) {
            splice.write(chunk, 0, n, ring::write);
        }
        return n;
    }

    /** The failure as reported (the watchdog's reason wins over the error its closing caused); null when stopped. */
    private @Nullable UpstreamException outcome(
            UpstreamException failure, boolean streaming, StreamPlan stream, Upstreams upstreams) {
        if (stopping.get()) {
            return null;
        }
        String reason = abandoned;
        UpstreamException reported = masked(
                reason == null || failure.getMessage().endsWith(reason)
                        ? failure
                        : new UpstreamException(Redaction.redactUrl(stream.upstreamUrl()) + ": " + reason));
        if (!streaming) {
            upstreams.failed(stream);
        }
        log.info("relay upstream failed channel_id={} reason={}", plan.channel(), reported.getMessage());
        return reported;
    }

    private void finish(@Nullable UpstreamException failure) {
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
        state = State.FAILED;
        // every failure passes here on its way to players, the log and the sessions API: the last place to mask
        UpstreamException reported = masked(failure);
        error = reported.getMessage();
        ring.end(reported);
    }

    /**
     * Gives up the current stream (silent too long): its connection is closed and the session moves on to the next
     * stream, or ends with {@code reason} when there is none.
     */
    void abandon(String reason) {
        if (stopping.get() || abandoned != null) {
            return;
        }
        abandoned = reason;
        closeQuietly(body);
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
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

    /** The stream the session reads now (the first, or the one failover moved to). */
    StreamPlan streaming() {
        return streams.get(current);
    }

    /** Stops the upstream; clients get what is buffered and then the end (or {@code reason} as an error). */
    void stop(@Nullable String reason) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        error = reason;
        ring.end(reason == null ? null : new UpstreamException(reason));
        closeQuietly(body);
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Closes on another thread: closing may wait for a process to die, and callers may hold the hub's lock. */
    private void closeQuietly(@Nullable InputStream in) {
        if (in == null) {
            return;
        }
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

    StreamSubscription join(ClientInfo info, int backlog, Consumer<RelayClient> leave) {
        RelayClient client = new RelayClient(info, ring, plan.channel(), ring.join(backlog), clock.instant(), leave);
        clients.add(client);
        return client;
    }

    boolean remove(RelayClient client) {
        clients.remove(client);
        return clients.isEmpty();
    }

    boolean idle() {
        return clients.isEmpty();
    }

    RelaySessionInfo info() {
        List<RelaySessionInfo.Client> views = new ArrayList<>();
        for (RelayClient c : clients) {
            views.add(new RelaySessionInfo.Client(c.info.address(), c.info.userAgent(), c.connectedAt, c.sent()));
        }
        long seconds = Math.max(1, Duration.between(startedAt, clock.instant()).toSeconds());
        return new RelaySessionInfo(
                id,
                plan.channel().toString(),
                plan.channelName(),
                streams.get(current).source().toString(),
                host,
                state.name().toLowerCase(java.util.Locale.ROOT),
                error,
                startedAt,
                received.get(),
                received.get() * 8 / 1000 / seconds,
                views,
                current,
                streams.size(),
                switches);
    }
}
