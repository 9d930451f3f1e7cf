package io.tvarr.domain.xtream.service;

import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.StreamPlan;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.StreamRelay;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A movie, episode or timeshift window served through the relay, which keeps the provider's connection limit. Its
 * plan has a session key of its own, so no other player joins it midway. The first bytes are awaited before the
 * caller commits its response, so a refused or dead upstream is still a clear failure.
 */
final class OnDemandStream implements Playback.Stream {
    private static final Logger log = LoggerFactory.getLogger(OnDemandStream.class);
    private static final int CHUNK_BYTES = 64 * 1024;

    private final StreamRelay relay;
    private final StreamPlan plan;
    private final ClientInfo client;
    private final String contentType;

    OnDemandStream(StreamRelay relay, StreamPlan plan, ClientInfo client, String contentType) {
        this.relay = relay;
        this.plan = plan;
        this.client = client;
        this.contentType = contentType;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public void transferTo(OutputStream out, Runnable beforeFirstBytes) throws IOException {
        try (StreamSubscription subscription = relay.subscribe(plan, client)) {
            byte[] buffer = new byte[CHUNK_BYTES];
            int n = subscription.read(buffer);
            if (n < 0) {
                throw new UpstreamException("'" + plan.channelName() + "': the upstream ended before sending anything");
            }
            beforeFirstBytes.run();
            try {
                while (n >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    n = subscription.read(buffer);
                }
            } catch (UpstreamException e) {
                // the response has started: all the client can be told is that the stream ends
                log.info(
                        "xtream on-demand stream ended name={} client={} reason={}",
                        plan.channelName(),
                        client.address(),
                        e.getMessage());
            }
        }
    }
}
