package io.tvarr.relay.session;

import io.tvarr.domain.Checks;
import io.tvarr.domain.RefusedUpstreamException;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.RelaySessionInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.UpstreamHealth;
import io.tvarr.domain.relay.port.out.FFmpeg;
import io.tvarr.domain.relay.port.out.HardwareAccelerationDetector;
import io.tvarr.domain.relay.port.out.StreamRelay;
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
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relay: one session per channel however many clients watch it, provider and host limits checked before an
 * upstream is opened, a circuit breaker per host, a watchdog ending silent upstreams, and a grace period before an
 * unwatched upstream is closed. Thread-safe; close it to stop every session.
 */
public final class RelayHub implements StreamRelay, AutoCloseable {
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
        this.settings = settings;
        this.userAgent = Checks.requireText(userAgent, "user_agent");
        this.connector = new UpstreamConnector(settings.connectTimeout(), settings.firstByteTimeout());
        this.transcoder = ffmpeg == null || hardware == null
                ? null
                : new FFmpegUpstream(ffmpeg, hardware, probe, connector::playlist);
        this.limits = new ConnectionLimits(settings.maxPerHost());
        this.breakers = new HostBreakers(settings.breakerFailures(), settings.breakerCooldown());
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "tvarr-relay-timers");
            thread.setDaemon(true);
            return thread;
        });
        timers.scheduleWithFixedDelay(this::watch, 500, 500, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized StreamSubscription subscribe(StreamPlan plan, ClientInfo client) {
        RelaySession session = sessions.get(plan.sessionKey());
        if (session == null || session.finished()) {
            session = open(plan);
        }
        if (session.idleStop != null) {
            session.idleStop.cancel(false);
            session.idleStop = null;
        }
        RelaySession joined = session;
        return session.join(client, settings.joinBacklogBytes(), c -> leave(joined, c));
    }

    private RelaySession open(StreamPlan requested) {
        StreamPlan plan = requested.withDefaultUserAgent(userAgent);
        String host = host(plan.upstreamUrl());
        UpstreamOpener opener = plan.profile() == null ? connector : transcoder;
        if (opener == null) {
            throw new UnavailableException(
                    "relay profile '" + plan.profile().name() + "': FFmpeg transcoding is not set up on this server",
                    0);
        }
        breakers.permit(host);
        limits.acquire(plan.source(), plan.sourceName(), plan.sourceLimit(), host);
        RelaySession session = new RelaySession(plan, host, settings.bufferBytes(), clock);
        sessions.put(plan.sessionKey(), session);
        session.start(
                opener,
                new RelaySession.Outcome() {
                    @Override
                    public void connected() {
                        breakers.succeeded(host);
                    }

                    @Override
                    public void failed() {
                        breakers.failed(host);
                    }
                },
                () -> ended(session));
        log.info("relay session started session_id={} channel_id={} host={}", session.id, plan.channel(), host);
        return session;
    }

    private synchronized void leave(RelaySession session, RelaySession.Client client) {
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
        if (sessions.get(session.plan.sessionKey()) == session) {
            sessions.remove(session.plan.sessionKey());
        }
        limits.release(session.plan.source(), session.host);
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
            boolean connecting = session.state() == RelaySession.State.CONNECTING;
            if (connecting) {
                breakers.failed(session.host);
            }
            String reason = connecting
                    ? "upstream sent nothing within "
                            + settings.firstByteTimeout().toSeconds() + " s"
                    : "upstream stalled: no data for " + settings.stallTimeout().toSeconds() + " s";
            log.info("relay session ended session_id={} reason={}", session.id, reason);
            session.stop(reason);
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
