package io.tvarr.relay.session;

import io.tvarr.domain.Checks;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.channel.ChannelId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.FileRequest;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.RelayedFile;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.lease.SharedConnectionLimits;
import io.tvarr.domain.relay.port.out.ConnectionSlot;
import io.tvarr.domain.relay.port.out.ConnectionSlots;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.FileRelay;
import io.tvarr.domain.relay.port.out.HardwareAccelerationDetector;
import io.tvarr.domain.relay.port.out.StreamRelay;
import io.tvarr.domain.source.SourceId;
import io.tvarr.relay.RelaySettings;
import io.tvarr.relay.ffmpeg.CodecProbe;
import io.tvarr.relay.limit.ConnectionLimits;
import io.tvarr.relay.limit.HostBreakers;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: one session per channel however many clients watch it, provider and host limits checked before an
 * upstream is opened (a channel's first stream the limits and breakers admit is the one opened), a circuit breaker
 * per host, failover to the channel's next stream when one fails, a watchdog ending silent upstreams, and a grace period before an
 * unwatched upstream is closed. Files (movies, episodes) go request by request with the player's byte range, within
 * the same limits and breakers. Thread-safe; close it to stop every session.
 */
public final class RelayHub implements StreamRelay, FileRelay, ConnectionSlots, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RelayHub.class);

    private final RelaySettings settings;
    private final String userAgent;
    private final UpstreamConnector connector;
    private final ConnectionLimits limits;
    private final HostBreakers breakers;
    private final Clock clock;
    private final ScheduledExecutorService timers;
    private final Map<String, RelaySession> sessions = new HashMap<>();
    private final @Nullable UpstreamOpener transcoder;
    private final FileFetcher files;

    /**
     * A relay that passes bytes through only; profiles are refused.
     *
     * @param userAgent sent upstream for channels whose plan names no User-Agent (neither the channel nor its source)
     */
    public RelayHub(RelaySettings settings, String userAgent, Clock clock) {
        this(settings, userAgent, clock, null, null, null);
    }

    /**
     * A relay that also runs FFmpeg for plans with a profile.
     *
     * @param userAgent sent upstream (by Java, FFmpeg and ffprobe alike) for channels whose plan names no User-Agent
     */
    public RelayHub(
            RelaySettings settings,
            String userAgent,
            Clock clock,
            @Nullable FFmpeg ffmpeg,
            @Nullable HardwareAccelerationDetector hardware,
            @Nullable CodecProbe probe) {
        this(settings, userAgent, clock, ffmpeg, hardware, probe, null);
    }

    /**
     * A relay that may run FFmpeg, one of several instances on a shared database.
     *
     * @param shared the source limits across instances: a connection to a source with a limit also takes one of its
     *     leases; null when this instance is alone on its database
     */
    public RelayHub(
            RelaySettings settings,
            String userAgent,
            Clock clock,
            @Nullable FFmpeg ffmpeg,
            @Nullable HardwareAccelerationDetector hardware,
            @Nullable CodecProbe probe,
            @Nullable SharedConnectionLimits shared) {
        this.settings = settings;
        this.userAgent = Checks.requireText(userAgent, "user_agent");
        this.connector = new UpstreamConnector(settings.connectTimeout(), settings.firstByteTimeout());
        this.transcoder = ffmpeg == null || hardware == null
                ? null
                : new FFmpegUpstream(ffmpeg, hardware, probe, connector::playlist);
        this.limits = new ConnectionLimits(settings.maxPerHost(), shared, this::lostConnection);
        this.breakers = new HostBreakers(settings.breakerFailures(), settings.breakerCooldown());
        this.files = new FileFetcher(settings.connectTimeout(), settings.firstByteTimeout(), limits, breakers);
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tvarr-relay-timers");
            thread.setDaemon(true);
            return thread;
        });
        timers.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized StreamSubscription subscribe(FailoverStreams streams, ClientInfo client) {
        RelaySession session = sessions.get(streams.sessionKey());
        if (session == null || session.finished()) {
            session = open(streams);
        }
        if (session.idleStop != null) {
            session.idleStop.cancel(false);
            session.idleStop = null;
        }
        RelaySession joined = session;
        return session.join(client, settings.joinBacklogBytes(), c -> leave(joined, c));
    }

    @Override
    public RelayedFile fetch(StreamPlan plan, FileRequest request) {
        StreamPlan withAgent = plan.withDefaultUserAgent(userAgent);
        return files.fetch(withAgent, request, host(withAgent.upstreamUrl()));
    }

    private RelaySession open(FailoverStreams requested) {
        List<StreamPlan> streams = requested.streams().stream()
                .map(plan -> plan.withDefaultUserAgent(userAgent))
                .toList();
        Set<ChannelId> broken = requested.knownBroken();
        List<RuntimeException> refusals = new ArrayList<>();
        int first = admit(streams, IntStream.range(0, streams.size()).boxed().toList(), broken, refusals);
        if (first < 0) {
            throw refused(requested.primary(), refusals);
        }
        String host = host(streams.get(first).upstreamUrl());
        RelaySession session = new RelaySession(streams, first, host, settings.bufferBytes(), clock);
        sessions.put(requested.sessionKey(), session);
        session.start(new SessionUpstreams(broken), () -> ended(session));
        log.info(
                "relay session started session_id={} channel_id={} host={} stream={} streams={}",
                session.id,
                requested.primary().channel(),
                host,
                first,
                streams.size());
        return session;
    }

    /**
     * Takes the source's and host's connection for the first of the {@code candidates} whose source has a free
     * connection and whose host's circuit breaker lets it through; streams a recent health check found broken only
     * when none of the others may be opened.
     */
    private synchronized int admit(
            List<StreamPlan> streams,
            List<Integer> candidates,
            Set<ChannelId> broken,
            List<RuntimeException> refusals) {
        // refusals are told in the streams' order, whichever pass met them
        Map<Integer, RuntimeException> refused = new TreeMap<>();
        try {
            for (boolean knownBroken : new boolean[] {false, true}) {
                for (int i : candidates) {
                    if (broken.contains(streams.get(i).channel()) == knownBroken) {
                        RuntimeException refusal = admit(streams.get(i));
                        if (refusal == null) {
                            return i;
                        }
                        refused.put(i, refusal);
                    }
                }
            }
            return -1;
        } finally {
            refusals.addAll(refused.values());
        }
    }

    /** Takes the plan's connections; the refusal when they may not be taken now. */
    private @Nullable RuntimeException admit(StreamPlan plan) {
        try {
            String host = host(plan.upstreamUrl());
            if (opener(plan) == null) {
                throw new UnavailableException(
                        "relay profile '" + plan.profile().name()
                                + "': FFmpeg transcoding is not set up on this server",
                        0);
            }
            limits.acquire(plan.source(), plan.sourceName(), plan.sourceLimit(), host);
            try {
                breakers.permit(host);
            } catch (UnavailableException e) {
                limits.release(plan.source(), host);
                throw e;
            }
            return null;
        } catch (UnavailableException | RefusedUpstreamException e) {
            return e;
        }
    }

    /** A channel with one stream keeps its own refusal; with several, every stream's refusal is named. */
    private static RuntimeException refused(StreamPlan primary, List<RuntimeException> refusals) {
        if (refusals.size() == 1) {
            return refusals.get(0);
        }
        List<String> reasons = new ArrayList<>();
        long retry = 0;
        for (int i = 0; i < refusals.size(); i++) {
            reasons.add("stream " + i + ": " + refusals.get(i).getMessage());
            if (refusals.get(i) instanceof UnavailableException u && u.retryAfterSeconds() > 0) {
                retry = retry == 0 ? u.retryAfterSeconds() : Math.min(retry, u.retryAfterSeconds());
            }
        }
        return new UnavailableException(
                "channel " + primary.channel() + ": every stream is refused (" + String.join("; ", reasons) + ")",
                retry);
    }

    private @Nullable UpstreamOpener opener(StreamPlan plan) {
        return plan.profile() == null ? connector : transcoder;
    }

    /** The hub's side of a session's streams: openers, limits and breakers. */
    private final class SessionUpstreams implements RelaySession.Upstreams {
        private final Set<ChannelId> broken;

        SessionUpstreams(Set<ChannelId> broken) {
            this.broken = broken;
        }

        @Override
        public UpstreamOpener opener(StreamPlan stream) {
            UpstreamOpener opener = RelayHub.this.opener(stream);
            if (opener == null) {
                throw new IllegalStateException("admitted a profile without FFmpeg");
            }
            return opener;
        }

        @Override
        public void connected(StreamPlan stream) {
            breakers.succeeded(RelayHub.host(stream.upstreamUrl()));
        }

        @Override
        public void failed(StreamPlan stream) {
            breakers.failed(RelayHub.host(stream.upstreamUrl()));
        }

        @Override
        public void released(StreamPlan stream) {
            limits.release(stream.source(), RelayHub.host(stream.upstreamUrl()));
        }

        @Override
        public int admit(List<StreamPlan> streams, List<Integer> candidates, List<String> refusals) {
            List<RuntimeException> refused = new ArrayList<>();
            int index = RelayHub.this.admit(streams, candidates, broken, refused);
            refused.forEach(e -> refusals.add(e.getMessage()));
            return index;
        }

        @Override
        public String host(StreamPlan stream) {
            return RelayHub.host(stream.upstreamUrl());
        }
    }

    private synchronized void leave(RelaySession session, RelayClient client) {
        if (session.remove(client) && !session.finished()) {
            session.idleStop =
                    timers.schedule(() -> stopIfIdle(session), settings.grace().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void stopIfIdle(RelaySession session) {
        if (session.idle()) {
            log.info(
                    "relay session closed, no clients session_id={} channel_id={}", session.id, session.plan.channel());
            session.stop(null);
        }
    }

    private synchronized void ended(RelaySession session) {
        String key = new FailoverStreams(session.streams).sessionKey();
        if (sessions.get(key) == session) {
            sessions.remove(key);
        }
    }

    /**
     * One connection to the source lost its lease to another instance (this one lost the database for longer than
     * the lease): a session streaming from the source ends, so that the source's limit holds across instances.
     */
    private void lostConnection(SourceId source) {
        RelaySession ending = null;
        synchronized (this) {
            for (RelaySession session : sessions.values()) {
                if (!session.finished() && session.streaming().source().equals(source)) {
                    ending = session;
                    break;
                }
            }
        }
        if (ending == null) {
            log.warn("connection lease lost, no session of the source to end source_id={}", source);
            return;
        }
        log.warn(
                "relay session ended, its connection lease was lost to another instance session_id={} source_id={}",
                ending.id,
                source);
        ending.stop("source " + source + ": connection ended, another tvarr instance holds it now");
    }

    /** Ends upstreams that went silent: no first byte in time, or a stall while streaming. */
    private void watch() {
        List<RelaySession> silent = new ArrayList<>();
        synchronized (this) {
            for (RelaySession session : sessions.values()) {
                Duration limit = session.state() == RelaySession.State.CONNECTING
                        ? settings.firstByteTimeout()
                        : settings.stallTimeout();
                if (!session.finished() && session.silence().compareTo(limit) > 0) {
                    silent.add(session);
                }
            }
        }
        for (RelaySession session : silent) {
            String reason = session.state() == RelaySession.State.CONNECTING
                    ? "upstream sent nothing within "
                            + settings.firstByteTimeout().toSeconds() + " s"
                    : "upstream stalled: no data for " + settings.stallTimeout().toSeconds() + " s";
            // the session moves on to the channel's next stream, or ends with the reason when there is none
            log.info("relay upstream silent session_id={} reason={}", session.id, reason);
            session.abandon(reason);
        }
    }

    @Override
    public synchronized List<RelaySessionInfo> sessions() {
        return sessions.values().stream().map(RelaySession::info).toList();
    }

    @Override
    public synchronized boolean stop(String sessionId) {
        for (RelaySession session : sessions.values()) {
            if (session.id.equals(sessionId)) {
                session.stop("stopped through the API");
                return true;
            }
        }
        return false;
    }

    @Override
    public List<UpstreamHealth> upstreams() {
        Map<String, String> states = breakers.states();
        TreeSet<String> hosts = new TreeSet<>(states.keySet());
        List<UpstreamHealth> list = new ArrayList<>();
        for (String host : hosts) {
            list.add(new UpstreamHealth(host, states.getOrDefault(host, "closed"), limits.hostUse(host)));
        }
        return list;
    }

    /**
     * A connection for work beside the sessions (a health check's ffprobe), counted against the same source and host
     * limits; a host whose circuit breaker is open is not asked again by it either.
     */
    @Override
    public Optional<ConnectionSlot> tryTake(StreamPlan plan) {
        StreamPlan withAgent = plan.withDefaultUserAgent(userAgent);
        String host = host(plan.upstreamUrl());
        if ("open".equals(breakers.states().get(host))) {
            return Optional.empty();
        }
        try {
            // the probe holding a lost lease ends within its own timeout; ending a viewer's session instead would
            // leave the source's connection count as it was
            limits.acquire(
                    plan.source(),
                    plan.sourceName(),
                    plan.sourceLimit(),
                    host,
                    () -> log.warn(
                            "connection lease lost during a health check, its probe ends within its timeout"
                                    + " source_id={}",
                            plan.source()));
        } catch (UnavailableException e) {
            return Optional.empty(); // no free connection: the caller skips, nothing was opened
        }
        AtomicBoolean held = new AtomicBoolean(true);
        return Optional.of(new ConnectionSlot() {
            @Override
            public StreamPlan plan() {
                return withAgent;
            }

            @Override
            public void close() {
                if (held.getAndSet(false)) {
                    limits.release(plan.source(), host);
                }
            }
        });
    }

    @Override
    public Map<String, Integer> sourceUse() {
        return limits.sourceUse();
    }

    @Override
    public void close() {
        timers.shutdownNow();
        List<RelaySession> all;
        synchronized (this) {
            all = new ArrayList<>(sessions.values());
        }
        all.forEach(s -> s.stop("tvarr is shutting down"));
        connector.close();
    }

    private static String host(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getHost() != null) {
                return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new RefusedUpstreamException("stream url: not a valid http(s) URL");
    }
}
