package io.tvarr.http.proxy;

import io.javalin.http.Context;
import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.proxy.DeliveryMode;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.port.in.StreamChannelUseCase;
import io.tvarr.domain.relay.port.in.StreamDecision;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /proxy/{proxy}/{channel}}: redirect answers 302 to the upstream; proxy streams the shared upstream's
 * bytes as they come (raw, never compressed), relay streams FFmpeg's output for the proxy's profile. The first bytes are awaited before the status is sent, so a dead
 * upstream is a clear 502 problem instead of an empty 200. A client hanging up is normal and logged at INFO.
 */
final class ChannelStreams {
    private static final Logger log = LoggerFactory.getLogger(ChannelStreams.class);

    private final StreamChannelUseCase streams;

    ChannelStreams(StreamChannelUseCase streams) {
        this.streams = streams;
    }

    void play(Context ctx, String proxy, String channel) {
        StreamDecision decision = streams.decide(proxy, channel);
        if (decision.mode() == DeliveryMode.REDIRECT) {
            ctx.redirect(decision.plan().upstreamUrl(), io.javalin.http.HttpStatus.FOUND);
            return;
        }
        if ("HEAD".equals(ctx.method().name())) {
            ctx.contentType("video/mp2t");
            return;
        }
        String agent = ctx.userAgent() == null ? "" : ctx.userAgent();
        try (StreamSubscription subscription = streams.open(decision.plan(), new ClientInfo(ctx.ip(), agent))) {
            byte[] buffer = new byte[64 * 1024];
            int n = subscription.read(buffer);
            if (n < 0) {
                throw new UpstreamException("channel " + channel + ": the upstream ended before sending anything");
            }
            ctx.disableCompression();
            ctx.contentType("video/mp2t");
            ctx.header("Cache-Control", "no-store");
            ctx.status(200);
            OutputStream out = ctx.res().getOutputStream();
            try {
                while (n >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    n = subscription.read(buffer);
                }
            } catch (IOException e) {
                log.info("relay client left channel_id={} client={}", channel, ctx.ip());
            } catch (UpstreamException e) {
                log.info("relay stream ended channel_id={} client={} reason={}", channel, ctx.ip(), e.getMessage());
            }
        } catch (IOException e) {
            log.info("relay client left channel_id={} client={}", channel, ctx.ip());
        }
    }
}
