package io.tvarr.domain.relay;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A running upstream session as the API shows it.
 *
 * @param state connecting, streaming, ended or failed
 * @param bitrateKbps average upstream bitrate since the start
 * @param streamIndex which of the channel's failover streams is playing (0 is the channel's own)
 * @param streamCount how many streams the channel has in its failover order
 * @param switches every move to a next stream, oldest first
 */
public record RelaySessionInfo(
        String id,
        String channelId,
        String channelName,
        String sourceId,
        String upstreamHost,
        String state,
        @Nullable String error,
        Instant startedAt,
        long bytesReceived,
        long bitrateKbps,
        List<Client> clients,
        int streamIndex,
        int streamCount,
        List<StreamSwitch> switches) {
    public RelaySessionInfo {
        clients = List.copyOf(clients);
        switches = List.copyOf(switches);
    }

    /** One watching client. */
    public record Client(String address, String userAgent, Instant connectedAt, long bytesSent) {}
}
