package io.tvarr.domain.relay.service;

import io.tvarr.domain.UpstreamException;
import io.tvarr.domain.relay.ClientInfo;
import io.tvarr.domain.relay.FailoverStreams;
import io.tvarr.domain.relay.StreamSubscription;
import io.tvarr.domain.relay.port.in.Playback;
import io.tvarr.domain.relay.port.out.StreamRelay;
import java.io.IOException;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel served through the relay. The first bytes are awaited before the caller commits its response, so a
 * dead upstream is a clear failure instead of an empty success.
 */
final class RelayedStream implements Playback.Stream {
    private static final Logger log = LoggerFactory.getLogger(RelayedStream.class);
    /** Large enough that a fast stream costs few writes (each a pass through the server and a system call). */
    private static final int CHUNK_BYTES = 128 * 1024;

    private final StreamRelay relay;
    private final FailoverStreams streams;
    private final ClientInfo client;

    RelayedStream(StreamRelay relay, FailoverStreams streams, ClientInfo client) {
        this.relay = relay;
        this.streams = streams;
        this.client = client;
    }

    @Override
    public String contentType() {
        return "video/mp2t";
    }

    @Override
    public void transferTo(OutputStream out, Runnable beforeFirstBytes) throws IOException {
        try (StreamSubscription subscription = relay.subscribe(streams, client)) {
            byte[] buffer = new byte[CHUNK_BYTES];
            int n = subscription.read(buffer);
            if (n < 0) {
                throw new UpstreamException(
                        "channel " + streams.primary().channel() + ": the upstream ended before sending anything");
            }
            beforeFirstBytes.run();
            try {
                out.write(buffer, 0, n);
                out.flush();
                // the relay writes the rest from its own buffer (no copy into this one)
                while (subscription.writeTo(out, buffer) >= 0) {
                    out.flush();
                }
            } catch (UpstreamException e) {
                // the response has started: all the client can be told is that the stream ends
                log.info(
                        "relay stream ended channel_id={} client={} reason={}",
                        streams.primary().channel(),
                        client.address(),
                        e.getMessage());
            }
        }
    }
}
