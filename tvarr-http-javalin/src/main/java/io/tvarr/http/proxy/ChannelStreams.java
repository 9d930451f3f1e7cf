package io.tvarr.http.proxy;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.tvarr.domain.UnavailableException;
import io.tvarr.domain.proxy.ProxyId;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.port.in.PlayChannelCommand;
import io.tvarr.domain.relay.port.in.PlayChannelUseCase;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.http.OutputAccessCheck;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /proxy/{proxy}/{channel}}: a redirect is a 302 to the upstream; a stream is written raw (never
 * compressed) to the response, whose 200 is sent only once the first bytes came, so refusals and dead upstreams
 * are still problems (503, 502). With {@code ?tuner=1} (the URLs of HDHomeRun lineups) the channel is always
 * streamed, also for a redirect proxy, and a limit reached answers 503 as an HDHomeRun does ({@code
 * X-HDHomeRun-Error: 805 All Tuners In Use}). HEAD opens nothing. A client hanging up is normal and logged at INFO.
 */
final class ChannelStreams {
    private static final Logger log = LoggerFactory.getLogger(ChannelStreams.class);

    static final String ALL_TUNERS_IN_USE = "805 All Tuners In Use";

    private final PlayChannelUseCase channels;
    private final OutputAccessCheck access;

    ChannelStreams(PlayChannelUseCase channels, OutputAccessCheck access) {
        this.channels = channels;
        this.access = access;
    }

    /** @param proxy the proxy the output access check granted */
    void play(Context ctx, ProxyId proxy, String channel) {
        String agent = ctx.userAgent() == null ? "" : ctx.userAgent();
        boolean tuner = ctx.queryParam("tuner") != null;
        ClientInfo client = new ClientInfo(access.client(ctx).getHostAddress(), agent);
        try {
            Playback playback = channels.play(new PlayChannelCommand(proxy.toString(), channel, client, tuner));
            if (playback instanceof Playback.Redirect redirect) {
                ctx.redirect(redirect.location(), HttpStatus.FOUND);
            } else if (playback instanceof Playback.Stream stream) {
                stream(ctx, stream, channel, client.address());
            }
        } catch (UnavailableException e) {
            if (!tuner) {
                throw e;
            }
            // what an HDHomeRun answers when every tuner is busy: Plex shows "All tuners in use" from this header
            ctx.header("X-HDHomeRun-Error", ALL_TUNERS_IN_USE);
            throw new UnavailableException(ALL_TUNERS_IN_USE + ": " + e.getMessage(), e.retryAfterSeconds());
        }
    }

    private static void stream(Context ctx, Playback.Stream stream, String channel, String client) {
        if ("HEAD".equals(ctx.method().name())) {
            ctx.contentType(stream.contentType());
            return;
        }
        try {
            stream.transferTo(ctx.res().getOutputStream(), () -> {
                ctx.disableCompression();
                ctx.contentType(stream.contentType());
                ctx.header("Cache-Control", "no-store");
                ctx.status(200);
            });
        } catch (IOException e) {
            log.info("relay client left channel_id={} client={}", channel, client);
        }
    }
}
